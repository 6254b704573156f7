import type { ProvenanceEntry } from '../graph/storedProperties';
import type { Writer } from './writer';

/**
 * Every change is recorded in the transaction that makes it: who, when, what operation, each field's value
 * before and after (provenance included, as the pseudo-field `provenance`), and the version it produced, so
 * a revert can check nothing changed since.
 */
// IMPORT: one change for a whole import batch (its counts as property changes; not revertible).
export const CHANGE_OPERATIONS = ['CREATE', 'UPDATE', 'DELETE', 'LINK', 'UPDATE_LINK', 'UNLINK', 'IMPORT'] as const;
export type ChangeOperation = (typeof CHANGE_OPERATIONS)[number];

export interface PropertyChange {
  name: string;
  before: unknown;
  after: unknown;
}

export interface ChangeToRecord {
  operation: ChangeOperation;
  /** `Label:key` of an entity, `Relationship:TYPE:id`, or `Import:<batch>` for an import batch. */
  targetUid: string;
  targetKind: 'ENTITY' | 'RELATIONSHIP' | 'IMPORT';
  /** The entity's label or the relationship's type. */
  targetLabel: string;
  changes: PropertyChange[];
  /** The provenance the writer gave for this change. */
  provenance: ProvenanceEntry | null;
  /** The target's version after the change (null: it no longer exists). */
  versionAfter: number | null;
  /** The target's version before a delete or unlink, so a revert re-creates it at the next version. */
  versionBefore?: number | null;
  fromUid?: string;
  toUid?: string;
  /** The sequence number of the change this one reverts. */
  revertOf?: number;
}

/** The `provenance` pseudo-field: recorded like a property so a revert restores it too. */
export const PROVENANCE_FIELD = 'provenance';

function canonical(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Field-by-field differences between two states (absent and null are the same). */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): PropertyChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .filter((name) => canonical(before[name]) !== canonical(after[name]))
    .map((name) => ({ name, before: before[name] ?? null, after: after[name] ?? null }));
}

export async function recordChange(writer: Writer, change: ChangeToRecord): Promise<number> {
  const [row] = await writer.tx.run('history/record-change', {
    at: writer.at.toISOString(),
    principalId: writer.principal.id,
    principalName: writer.principal.name,
    operation: change.operation,
    targetUid: change.targetUid,
    targetKind: change.targetKind,
    targetLabel: change.targetLabel,
    changes: JSON.stringify(change.changes),
    provenance: change.provenance ? JSON.stringify(change.provenance) : null,
    versionAfter: change.versionAfter,
    versionBefore: change.versionBefore ?? null,
    fromUid: change.fromUid ?? null,
    toUid: change.toUid ?? null,
    revertOf: change.revertOf ?? writer.revertOf ?? null,
    batch: writer.batch ?? null,
  });
  return Number(row.sequence);
}
