import { ConflictError } from '../errors';
import type { ProvenanceEntry } from '../graph/storedProperties';
import { isNodeLabel, isRelationshipType, type NodeLabel, type RelationshipType } from '../graph/vocabulary';
import { checkVersion, createLocked, deleteEntity, lockEntity, updateLocked } from './entities';
import { PROVENANCE_FIELD, recordChange, withSequence, type PropertyChange } from './history';
import { linkState, linkUid, lockLink, requalify, unlink } from './links';
import { refuseIfAny } from './userErrors';
import { runForType, type Writer } from './writer';

/**
 * Undoing one recorded change, itself recorded as a change (with `revertOf`). It applies the inverse —
 * a create is deleted, a delete re-created, an update's fields and provenance put back — only while the
 * target is still as that change left it: anything changed since is CONFLICT (revert the later ones first).
 */

export interface StoredChange {
  sequence: number;
  operation: string;
  targetUid: string;
  targetLabel: string;
  changes: string;
  versionAfter?: number | null;
  versionBefore?: number | null;
  fromUid?: string | null;
  toUid?: string | null;
}

function beforeValues(changes: PropertyChange[]): { fields: Record<string, unknown>; unset: string[]; provenance: ProvenanceEntry[] } {
  const fields: Record<string, unknown> = {};
  const unset: string[] = [];
  let provenance: ProvenanceEntry[] = [];
  for (const change of changes) {
    if (change.name === PROVENANCE_FIELD) provenance = (change.before as ProvenanceEntry[] | null) ?? [];
    else if (change.before === null) unset.push(change.name);
    else fields[change.name] = change.before;
  }
  return { fields, unset, provenance };
}

/** The revert's own change: its `sequence` is known once the revert has committed. */
export type RevertOutcome = { readonly sequence: number | null } | null;

export async function revertChange(base: Writer, stored: StoredChange, entry: ProvenanceEntry, cascadeLimit: number): Promise<RevertOutcome> {
  const writer: Writer = { ...base, revertOf: stored.sequence };
  const changes = JSON.parse(stored.changes) as PropertyChange[];
  const before = beforeValues(changes);
  const restore = { restore: before.provenance, entry };
  const gone = () => new ConflictError(`${stored.targetUid} no longer exists: change ${stored.sequence} cannot be reverted.`, { uid: stored.targetUid });
  const since = (current: number) => checkVersion(stored.targetUid, stored.versionAfter, current);

  if (isNodeLabel(stored.targetLabel)) {
    const label: NodeLabel = stored.targetLabel;
    const locked = await lockEntity(writer, stored.targetUid);
    switch (stored.operation) {
      case 'CREATE': {
        if (!locked) throw gone();
        since(locked.version);
        return deleteEntity(writer, stored.targetUid, stored.versionAfter, [], entry, cascadeLimit);
      }
      case 'UPDATE': {
        if (!locked) throw gone();
        since(locked.version);
        return updateLocked(writer, locked, { set: before.fields, unset: before.unset }, restore, 'set');
      }
      case 'DELETE': {
        if (locked) throw new ConflictError(`${stored.targetUid} exists again: change ${stored.sequence} cannot be reverted.`, { uid: stored.targetUid, currentVersion: locked.version });
        const key = stored.targetUid.slice(label.length + 1);
        // Versions keep growing across a delete and its revert, so a version read before the delete stays stale.
        return createLocked(writer, label, key, before.fields, restore, (stored.versionBefore ?? 0) + 1);
      }
    }
  }
  if (isRelationshipType(stored.targetLabel)) {
    const type: RelationshipType = stored.targetLabel;
    const id = stored.targetUid.slice(`Relationship:${type}:`.length);
    const locked = await lockLink(writer, type, id);
    switch (stored.operation) {
      case 'LINK': {
        if (!locked) throw gone();
        since(Number(locked.props.version ?? 1));
        return unlink(writer, type, id, entry, stored.versionAfter);
      }
      case 'UPDATE_LINK': {
        if (!locked) throw gone();
        since(Number(locked.props.version ?? 1));
        return requalify(writer, locked, before.fields, before.unset, restore);
      }
      case 'UNLINK': {
        if (locked) throw new ConflictError(`${stored.targetUid} exists again: change ${stored.sequence} cannot be reverted.`, { uid: stored.targetUid });
        const fromUid = String(stored.fromUid);
        const toUid = String(stored.toUid);
        const ends = await writer.tx.run('writes/entity-exists', { uids: [fromUid, toUid] });
        refuseIfAny(ends.filter((row) => !row.exists).map((row) => ({ field: ['id'], code: 'NOT_FOUND', message: `the relationship's end ${String(row.uid)} no longer exists.` })));
        const at = writer.at.toISOString();
        const version = (stored.versionBefore ?? 0) + 1;
        const props = linkState(type, fromUid, toUid, before.fields, before.provenance, version, at, at);
        props.id = id;
        await runForType(writer, 'writes/create-relationship', type, { fromUid, toUid, props });
        return withSequence({}, await recordChange(writer, {
          operation: 'LINK',
          targetUid: linkUid(type, id),
          targetKind: 'RELATIONSHIP',
          targetLabel: type,
          changes: changes.map((change) => ({ name: change.name, before: null, after: change.before })),
          provenance: entry,
          versionAfter: version,
          fromUid,
          toUid,
        }));
      }
    }
  }
  refuseIfAny([{ field: ['id'], code: 'NOT_REVERTIBLE', message: `change ${stored.sequence} (${stored.operation} of ${stored.targetUid}) cannot be reverted.` }]);
  return null;
}
