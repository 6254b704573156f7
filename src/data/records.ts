import { isNodeLabel, type NodeLabel, type RelationshipType } from '../graph/vocabulary';
import type { Row } from '../db/cypherRunner';

/** An entity as the data-access layer returns it: its identity plus its stored properties. */
export interface EntityRecord {
  elementId: string;
  /** `Label:key`, unique across the graph (the `uid` property, constrained unique on :Entity). */
  uid: string;
  label: NodeLabel;
  key: string;
  props: Record<string, unknown>;
}

/** A relationship seen from one of its ends. */
export interface RelationshipRecord {
  elementId: string;
  type: RelationshipType;
  direction: 'OUTGOING' | 'INCOMING';
  props: Record<string, unknown>;
  node: EntityRecord;
}

/** Reads the `{ eid, labels, props }` map every entity-returning Cypher file projects. */
export function toEntityRecord(value: unknown): EntityRecord {
  const map = value as { eid: string; labels: string[]; props: Record<string, unknown> };
  const label = map.labels.find(isNodeLabel);
  if (!label) throw new Error(`Node ${map.eid} has no known label (${map.labels.join(',')}).`);
  const key = String(map.props.key);
  return { elementId: map.eid, uid: `${label}:${key}`, label, key, props: map.props };
}

export function toRelationshipRecord(row: Row): RelationshipRecord {
  return {
    elementId: String(row.relId),
    type: row.type as RelationshipType,
    direction: row.outgoing ? 'OUTGOING' : 'INCOMING',
    props: (row.relProps ?? {}) as Record<string, unknown>,
    node: toEntityRecord(row.other),
  };
}

/** Properties every node or relationship carries for bookkeeping, not shown as user-facing properties. */
export const INTERNAL_PROPERTIES = new Set(['key', 'uid', 'provenance', 'sourceKeys', 'synthetic', 'lookupText', 'aliasesText']);
