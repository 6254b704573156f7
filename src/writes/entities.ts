import neo4j from 'neo4j-driver';
import { ConflictError } from '../errors';
import { factProperties, fieldsFromStored, KEY_ALIAS_PROPERTY, qualifiersFromStored, storedFromFields } from '../graph/model';
import { entityProperties, entityUid, withProvenance, type FactValue, type ProvenanceEntry } from '../graph/storedProperties';
import type { NodeLabel, RelationshipType } from '../graph/vocabulary';
import { storedProvenance } from '../data/entityView';
import { INTERNAL_PROPERTIES, toEntityRecord, type EntityRecord } from '../data/records';
import { diff, PROVENANCE_FIELD, recordChange, withSequence } from './history';
import { refuseIfAny, type UserError } from './userErrors';
import { entityFieldProblems, keyProblems } from './validate';
import type { Writer } from './writer';

/**
 * Creating, updating, upserting and deleting entities: each locks what it reads, checks the caller's
 * expected version, derives every stored property through src/graph/storedProperties.ts and records the
 * change in the same transaction.
 */

export interface EntityWrite {
  entity: EntityRecord | null;
  created: boolean;
  changed: boolean;
  /** The change's sequence number in the history, when something changed (known once the write has committed). */
  readonly sequence: number | null;
}

interface Locked {
  record: EntityRecord;
  version: number;
}

export async function lockEntity(writer: Writer, uid: string): Promise<Locked | null> {
  const [row] = await writer.tx.run('writes/lock-entity', { uid });
  if (!row) return null;
  const record = toEntityRecord({ labels: row.labels, props: row.props });
  return { record, version: Number(record.props.version ?? 1) };
}

export function checkVersion(target: string, expected: number | null | undefined, current: number): void {
  if (expected === null || expected === undefined || expected === current) return;
  throw new ConflictError(`${target} is at version ${current}, not ${expected}: it changed since you read it. Read it again and retry.`, {
    currentVersion: current,
    expectedVersion: expected,
  });
}

/** Stored properties that are neither facts of the model nor derived (kept as they are by a write). */
export function keptProperties(label: NodeLabel, props: Record<string, unknown>): Record<string, FactValue> {
  const facts = new Set(factProperties(label));
  const alias = KEY_ALIAS_PROPERTY[label];
  return Object.fromEntries(
    Object.entries(props).filter(([name]) => !facts.has(name) && !INTERNAL_PROPERTIES.has(name) && name !== alias),
  ) as Record<string, FactValue>;
}

export function withoutNulls(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined));
}

function storedState(label: NodeLabel, key: string, fields: Record<string, unknown>, provenance: readonly ProvenanceEntry[], kept: Record<string, FactValue>, version: number, createdAt: string, at: string) {
  const facts = { ...kept, ...(storedFromFields(label, withoutNulls(fields)) as Record<string, FactValue>) };
  return entityProperties(label, key, facts, provenance, { version, createdAt, updatedAt: at });
}

/** The provenance a write gives: one entry to add, or (a revert) the whole list to restore. */
export type ProvenanceChange = ProvenanceEntry | { restore: ProvenanceEntry[]; entry: ProvenanceEntry };

function provenanceAfter(existing: readonly ProvenanceEntry[], change: ProvenanceChange): ProvenanceEntry[] {
  return 'restore' in change ? change.restore : withProvenance(existing, change);
}

export function recordedEntry(change: ProvenanceChange): ProvenanceEntry {
  return 'restore' in change ? change.entry : change;
}

export async function createLocked(writer: Writer, label: NodeLabel, key: string, fields: Record<string, unknown>, provenance: ProvenanceChange, version = 1): Promise<EntityWrite> {
  const at = writer.at.toISOString();
  const stored = provenanceAfter([], provenance);
  const props = storedState(label, key, fields, stored, {}, version, at, at);
  let rows;
  try {
    rows = await writer.tx.run('writes/create-entity', { label, props });
  } catch (error) {
    if ((error as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      throw new ConflictError(`${entityUid(label, key)} already exists.`, { uid: entityUid(label, key) });
    }
    throw error;
  }
  const entity = toEntityRecord({ labels: rows[0].labels, props: rows[0].props });
  const recorded = await recordChange(writer, {
    operation: 'CREATE',
    targetUid: entity.uid,
    targetKind: 'ENTITY',
    targetLabel: label,
    changes: diff({}, { ...withoutNulls(fields), [PROVENANCE_FIELD]: stored }),
    provenance: recordedEntry(provenance),
    versionAfter: version,
  });
  return withSequence({ entity, created: true, changed: true }, recorded);
}

export async function createEntity(writer: Writer, label: NodeLabel, key: string, fields: Record<string, unknown>, provenance: ProvenanceEntry): Promise<EntityWrite> {
  refuseIfAny([...keyProblems(label, key, ['key']), ...entityFieldProblems(label, fields, withoutNulls(fields), ['fields'])]);
  const existing = await lockEntity(writer, entityUid(label, key));
  if (existing) {
    throw new ConflictError(`${existing.record.uid} already exists (version ${existing.version}). Update it, or upsert.`, {
      uid: existing.record.uid,
      currentVersion: existing.version,
    });
  }
  return createLocked(writer, label, key, fields, provenance);
}

export interface EntityChanges {
  /** Fields to set, by API field name; null unsets. */
  set: Record<string, unknown>;
  /** Fields to remove. */
  unset?: readonly string[];
}

export async function updateLocked(writer: Writer, locked: Locked, changes: EntityChanges, provenance: ProvenanceChange, prefix: string): Promise<EntityWrite> {
  const { record, version } = locked;
  const before = fieldsFromStored(record.label, record.props);
  const after: Record<string, unknown> = { ...before, ...changes.set };
  for (const field of changes.unset ?? []) delete after[field];
  const problems: UserError[] = entityFieldProblems(record.label, changes.set, withoutNulls(after), [prefix]);
  refuseIfAny(problems);
  const provenanceBefore = storedProvenance(record.props);
  const provenanceNow = provenanceAfter(provenanceBefore, provenance);
  const changed = diff(
    { ...before, [PROVENANCE_FIELD]: provenanceBefore },
    { ...withoutNulls(after), [PROVENANCE_FIELD]: provenanceNow },
  );
  // A node written before versions existed gets its bookkeeping once, without a change to record.
  const outdated = record.props.version === undefined || record.props.confidenceRank === undefined;
  if (changed.length === 0 && !outdated) return { entity: record, created: false, changed: false, sequence: null };
  const at = writer.at.toISOString();
  const props = storedState(record.label, record.key, after, provenanceNow, keptProperties(record.label, record.props), version + (changed.length ? 1 : 0), String(record.props.createdAt ?? at), at);
  const [row] = await writer.tx.run('writes/replace-entity', { uid: record.uid, props });
  const entity = toEntityRecord({ labels: row.labels, props: row.props });
  if (changed.length === 0) return { entity, created: false, changed: false, sequence: null };
  const recorded = await recordChange(writer, {
    operation: 'UPDATE',
    targetUid: record.uid,
    targetKind: 'ENTITY',
    targetLabel: record.label,
    changes: changed,
    provenance: recordedEntry(provenance),
    versionAfter: version + 1,
  });
  return withSequence({ entity, created: false, changed: true }, recorded);
}

export async function updateEntity(
  writer: Writer,
  uid: string,
  changes: EntityChanges,
  provenance: ProvenanceEntry,
  expectedVersion?: number | null,
): Promise<EntityWrite> {
  const locked = await lockEntity(writer, uid);
  if (!locked) refuseIfAny([{ field: ['id'], code: 'NOT_FOUND', message: `no entity ${uid}.` }]);
  checkVersion(uid, expectedVersion, locked!.version);
  return updateLocked(writer, locked!, changes, provenance, 'set');
}

/**
 * Creates the entity with this natural key, or brings the stored one up to the given fields (fields left
 * out keep their values). Given the same fields and provenance again, it changes nothing and records nothing.
 */
export async function upsertEntity(writer: Writer, label: NodeLabel, key: string, fields: Record<string, unknown>, provenance: ProvenanceChange): Promise<EntityWrite> {
  refuseIfAny(keyProblems(label, key, ['key']));
  const locked = await lockEntity(writer, entityUid(label, key));
  if (!locked) {
    refuseIfAny(entityFieldProblems(label, fields, withoutNulls(fields), ['fields']));
    return createLocked(writer, label, key, fields, provenance);
  }
  return updateLocked(writer, locked, { set: withoutNulls(fields) }, provenance, 'fields');
}

export interface DeleteOutcome {
  deletedUid: string;
  removedRelationships: number;
  /** Known once the delete has committed (see EntityWrite). */
  readonly sequence: number | null;
}

/**
 * Deletes an entity. While it has relationships, the caller must name every type of them in `cascade` —
 * a spelled-out agreement to remove those too; each removed relationship is recorded as an UNLINK.
 */
export async function deleteEntity(
  writer: Writer,
  uid: string,
  expectedVersion: number | null | undefined,
  cascade: readonly string[],
  provenance: ProvenanceEntry,
  cascadeLimit: number,
): Promise<DeleteOutcome> {
  const locked = await lockEntity(writer, uid);
  if (!locked) refuseIfAny([{ field: ['id'], code: 'NOT_FOUND', message: `no entity ${uid}.` }]);
  const { record, version } = locked!;
  checkVersion(uid, expectedVersion, version);
  const relationships = await writer.tx.run('writes/entity-relationships', { uid, limit: neo4j.int(cascadeLimit + 1) });
  if (relationships.length > cascadeLimit) {
    refuseIfAny([{ field: ['cascade'], code: 'TOO_MANY_RELATIONSHIPS', message: `${uid} has more than ${cascadeLimit} relationships; unlink some first.` }]);
  }
  const counts = new Map<string, number>();
  for (const rel of relationships) counts.set(String(rel.type), (counts.get(String(rel.type)) ?? 0) + 1);
  const uncovered = [...counts].filter(([type]) => !cascade.includes(type));
  if (uncovered.length > 0) {
    refuseIfAny([
      {
        field: ['cascade'],
        code: 'HAS_RELATIONSHIPS',
        message: `${uid} still has ${uncovered.map(([type, count]) => `${count} × ${type}`).join(', ')}. Unlink them, or list their types in \`cascade\` to delete them with it.`,
      },
    ]);
  }
  for (const rel of relationships) {
    const props = rel.props as Record<string, unknown>;
    await recordChange(writer, {
      operation: 'UNLINK',
      targetUid: `Relationship:${String(rel.type)}:${String(props.id)}`,
      targetKind: 'RELATIONSHIP',
      targetLabel: String(rel.type),
      changes: diff({ ...qualifiersFromStored(rel.type as RelationshipType, props), [PROVENANCE_FIELD]: storedProvenance(props) }, {}),
      provenance,
      versionAfter: null,
      versionBefore: Number(props.version ?? 1),
      fromUid: String(rel.fromUid),
      toUid: String(rel.toUid),
    });
  }
  await writer.tx.run('writes/delete-entity', { uid });
  const recorded = await recordChange(writer, {
    operation: 'DELETE',
    targetUid: uid,
    targetKind: 'ENTITY',
    targetLabel: record.label,
    changes: diff({ ...fieldsFromStored(record.label, record.props), [PROVENANCE_FIELD]: storedProvenance(record.props) }, {}),
    provenance,
    versionAfter: null,
    versionBefore: version,
  });
  return withSequence({ deletedUid: uid, removedRelationships: relationships.length }, recorded);
}
