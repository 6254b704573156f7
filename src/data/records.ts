import type { ReadAheadPage } from './relationshipPages';
import { isNodeLabel, type NodeLabel, type RelationshipType } from '../graph/vocabulary';

/** An entity as the data-access layer returns it: its identity plus its stored properties. */
export interface EntityRecord {
  /** `Label:key`, unique across the graph (the `uid` property, constrained unique on :Entity). */
  uid: string;
  label: NodeLabel;
  key: string;
  props: Record<string, unknown>;
  /** The day the entity was looked up as of (`organization(asOf:)`): its relationship connections default to it. */
  asOf?: string | null;
  /** Relationship pages read ahead with it (src/data/prefetch.ts), by readAheadKey; absent when none were. */
  readAhead?: Map<string, ReadAheadPage>;
}

/** A relationship, seen from one of its ends (`node` is the other end) or, fetched by id, from its start. */
export interface RelationshipRecord {
  /** The stored, stable id (unique per type). */
  id: string;
  type: RelationshipType;
  direction: 'OUTGOING' | 'INCOMING';
  props: Record<string, unknown>;
  node: EntityRecord;
  startUid: string;
  endUid: string;
  /** Its position in the relationship connection it was read from (absent when fetched by id). */
  cursor?: string;
}

/** Reads the `{ labels, props }` map every entity-returning Cypher file projects (extra keys are ignored). */
export function toEntityRecord(value: unknown): EntityRecord {
  return toEntityRecordOf(value, undefined);
}

/** `knownLabel`: the node's label when the statement fixed it and so returned no `labels`. */
export function toEntityRecordOf(value: unknown, knownLabel: NodeLabel | undefined): EntityRecord {
  const map = value as { labels?: string[]; props: Record<string, unknown> };
  const label = knownLabel ?? map.labels?.find(isNodeLabel);
  if (!label) throw new Error(`Node ${String(map.props.key)} has no known label (${map.labels?.join(',') ?? 'none'}).`);
  const key = String(map.props.key);
  return { uid: `${label}:${key}`, label, key, props: map.props };
}

/** Properties every node or relationship carries for bookkeeping, not shown as user-facing properties. */
export const INTERNAL_PROPERTIES = new Set([
  'key',
  'uid',
  'id',
  'provenance',
  'sourceKeys',
  'synthetic',
  'lookupText',
  'aliasesText',
  'labelsText',
  'namesText',
  'validFromBound',
  'validToBound',
  'acronymKey',
  'sortName',
  'sortAcronym',
  'sortFoundedYear',
  'sortYear',
  'sortCode',
  'confidenceRank',
  'version',
  'createdAt',
  'updatedAt',
  'discriminator',
  'writeLock',
]);

/** One recorded change (src/writes/history.ts writes them, src/data/history.ts reads them). */
export interface ChangeRecord {
  sequence: number;
  /** ISO 8601 date-time. */
  at: string;
  principalId: string;
  principalName: string;
  operation: string;
  targetUid: string;
  targetKind: string;
  targetLabel: string;
  /** JSON: [{ name, before, after }]. */
  changes: string;
  /** JSON of the provenance entry the writer gave. */
  provenance: string | null;
  versionAfter: number | null;
  revertOf: number | null;
  fromUid: string | null;
  toUid: string | null;
}

/** What `node(id:)` returns: an entity, a relationship or a change. */
export type NodeRecord = EntityRecord | RelationshipRecord | ChangeRecord;

export function isChangeRecord(record: NodeRecord): record is ChangeRecord {
  return 'sequence' in record && 'operation' in record;
}

export function isRelationshipRecord(record: NodeRecord): record is RelationshipRecord {
  return 'startUid' in record;
}
