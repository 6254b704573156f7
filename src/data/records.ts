import { isNodeLabel, type NodeLabel, type RelationshipType } from '../graph/vocabulary';

/** An entity as the data-access layer returns it: its identity plus its stored properties. */
export interface EntityRecord {
  /** `Label:key`, unique across the graph (the `uid` property, constrained unique on :Entity). */
  uid: string;
  label: NodeLabel;
  key: string;
  props: Record<string, unknown>;
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
  const map = value as { labels: string[]; props: Record<string, unknown> };
  const label = map.labels.find(isNodeLabel);
  if (!label) throw new Error(`Node ${String(map.props.uid)} has no known label (${map.labels.join(',')}).`);
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
  'acronymKey',
  'sortName',
  'sortAcronym',
  'sortFoundedYear',
  'sortYear',
  'sortCode',
]);

/** What `node(id:)` returns: an entity or a relationship. */
export type NodeRecord = EntityRecord | RelationshipRecord;

export function isRelationshipRecord(record: NodeRecord): record is RelationshipRecord {
  return 'startUid' in record;
}
