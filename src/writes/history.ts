import { randomUUID } from 'node:crypto';
import type { CypherRunner, TransactionRunner } from '../db/cypherRunner';
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

/**
 * A change written in a transaction that has not committed yet. Its sequence number is given after the commit
 * (`numberPending`), so it is null inside the transaction, and stays null if numbering failed after the commit
 * (Neo4j gone): the change is then numbered by the next write's numbering, or the server's start-up.
 */
export class RecordedChange {
  sequence: number | null = null;

  constructor(readonly id: string) {}
}

/** The pending changes of each open transaction, numbered together once it has committed. */
const pendingByTransaction = new WeakMap<TransactionRunner, RecordedChange[]>();

export async function recordChange(writer: Writer, change: ChangeToRecord): Promise<RecordedChange> {
  let pending = pendingByTransaction.get(writer.tx);
  if (!pending) {
    const recorded: RecordedChange[] = [];
    pending = recorded;
    pendingByTransaction.set(writer.tx, recorded);
    writer.tx.afterCommit((runner) => numberPending(runner, recorded));
  }
  const recorded = new RecordedChange(randomUUID());
  await writer.tx.run('history/record-change', {
    id: recorded.id,
    step: pending.length,
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
  pending.push(recorded);
  return recorded;
}

/**
 * Numbers every committed pending change (these and any a crashed writer left), in one auto-commit statement:
 * the one global lock of the history is held for that statement only. Writes that commit while a numbering
 * runs share the next one, so a process sends at most one numbering at a time and one waiting (group commit):
 * each waiting write is covered by a numbering that started after it committed.
 */
export function numberPending(runner: CypherRunner, changes: readonly RecordedChange[] = []): Promise<void> {
  let numbering = numberings.get(runner);
  if (!numbering) {
    numbering = new Numbering(runner);
    numberings.set(runner, numbering);
  }
  return numbering.include(changes);
}

const numberings = new WeakMap<CypherRunner, Numbering>();

class Numbering {
  private running: Promise<void> = Promise.resolve();
  private next: { changes: RecordedChange[]; done: Promise<void> } | null = null;

  constructor(private readonly runner: CypherRunner) {}

  include(changes: readonly RecordedChange[]): Promise<void> {
    if (!this.next) {
      const batch: { changes: RecordedChange[]; done: Promise<void> } = { changes: [], done: Promise.resolve() };
      batch.done = this.running.then(() => {
        if (this.next === batch) this.next = null;
        return this.run(batch.changes);
      });
      this.running = batch.done.catch(() => undefined);
      this.next = batch;
    }
    this.next.changes.push(...changes);
    return this.next.done;
  }

  private async run(changes: readonly RecordedChange[]): Promise<void> {
    const rows = await this.runner.autoCommit('history/sequence-pending', { ids: changes.map((change) => change.id) });
    const numbers = new Map(rows.map((row) => [String(row.id), Number(row.sequence)]));
    for (const change of changes) change.sequence = numbers.get(change.id) ?? null;
  }
}

/** The write outcome's `sequence`, read after the commit (a getter: inside the transaction it is still null). */
export function withSequence<T extends object>(outcome: T, recorded: RecordedChange | null): T & { readonly sequence: number | null } {
  return Object.defineProperty(outcome, 'sequence', { get: () => recorded?.sequence ?? null, enumerable: true }) as T & { readonly sequence: number | null };
}
