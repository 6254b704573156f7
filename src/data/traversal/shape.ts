import type { Row } from '../../db/cypherRunner';
import type { EntityKind } from '../../generated/graphql';
import type { RelationshipType } from '../../graph/vocabulary';
import { LIMITS } from '../../limits';
import { displayLabel, kindOf, propertyPairs, storedProvenance, type PropertyPair, type StoredProvenance } from '../entityView';
import { relationshipGlobalId, toGlobalId } from '../globalId';
import { toEntityRecord, type EntityRecord } from '../records';

/**
 * Walk results shaped as the GraphQL types (default resolvers read them; nested entities are EntityRecords).
 * Every relationship ID handed out is the relationship's global ID built from its stored `id` property,
 * never Neo4j's elementId, which is not stable across transactions.
 */

export interface GraphNodeResult {
  id: string;
  kind: EntityKind;
  label: string;
  entity: EntityRecord;
}

export interface GraphEdgeResult {
  /** Absent only for a relationship stored without an `id` (selecting `id` then fails as a field error). */
  id?: string;
  type: RelationshipType;
  source: string;
  target: string;
  qualifiers: PropertyPair[];
  provenance: StoredProvenance[];
}

export interface PathRelationshipResult {
  /** As GraphEdgeResult.id. */
  id?: string;
  type: RelationshipType;
  direction: 'OUTGOING' | 'INCOMING';
  qualifiers: PropertyPair[];
  provenance: StoredProvenance[];
}

export interface PathStepResult {
  node: EntityRecord;
  relationship: PathRelationshipResult | null;
}

export interface PathResult {
  length: number;
  nodes: EntityRecord[];
  steps: PathStepResult[];
  text: string;
}

/** A relationship of a path as cypher/traversal/*-path*.cypher return it: stored id, type, start node's uid, properties. */
export interface StoredPathRelationship {
  id: string | null;
  type: string;
  start: string;
  props: Record<string, unknown>;
}

/** The global ID of a stored relationship, from its type and stored `id`; undefined when it has none. */
export function stableRelationshipId(type: RelationshipType, storedId: unknown): string | undefined {
  return typeof storedId === 'string' && storedId !== '' ? relationshipGlobalId(type, storedId) : undefined;
}

export function toGraphNode(entity: EntityRecord): GraphNodeResult {
  return { id: toGlobalId(entity.uid), kind: kindOf(entity.label) as EntityKind, label: displayLabel(entity), entity };
}

/** An edge of cypher/traversal/neighbourhood: `id` (stored), `type`, `source` and `target` (uids), `props`. */
export function toGraphEdge(row: Row): GraphEdgeResult {
  const type = row.type as RelationshipType;
  const props = (row.props ?? {}) as Record<string, unknown>;
  // Read when selected: provenance is JSON text to parse, for every edge of a drawing.
  return {
    id: stableRelationshipId(type, row.id),
    type,
    source: toGlobalId(String(row.source)),
    target: toGlobalId(String(row.target)),
    get qualifiers() {
      return propertyPairs(props);
    },
    get provenance() {
      return storedProvenance(props);
    },
  };
}

/** A row of cypher/traversal/*-path*.cypher: `nodes` and the `rels` between consecutive nodes. */
export function pathFromRow(row: Row): PathResult {
  const nodes = (row.nodes as unknown[]).map(toEntityRecord);
  return toPath(nodes, row.rels as StoredPathRelationship[]);
}

/** A path from its nodes and the relationships between consecutive nodes, as stored (any direction). */
export function toPath(nodes: EntityRecord[], rels: readonly StoredPathRelationship[]): PathResult {
  const relationships: PathRelationshipResult[] = rels.map((rel, index) => {
    const type = rel.type as RelationshipType;
    const props = rel.props ?? {};
    return {
      id: stableRelationshipId(type, rel.id),
      type,
      direction: rel.start === nodes[index].uid ? 'OUTGOING' : 'INCOMING',
      qualifiers: propertyPairs(props),
      provenance: storedProvenance(props),
    };
  });
  return {
    length: relationships.length,
    nodes,
    steps: nodes.map((node, index) => ({ node, relationship: relationships[index] ?? null })),
    text: pathText(nodes, relationships),
  };
}

/** The path of length 0 from an entity to itself. */
export function emptyPath(entity: EntityRecord): PathResult {
  return toPath([entity], []);
}

/** `CGS —ORGANIZED (role: ORGANIZER)→ 42nd CCOP Annual Session —IN_SERIES_OF→ CCOP`; `←TYPE—` when walked backwards. */
export function pathText(nodes: EntityRecord[], relationships: Array<Pick<PathRelationshipResult, 'type' | 'direction' | 'qualifiers'>>): string {
  let text = shortName(nodes[0]);
  relationships.forEach((rel, index) => {
    const qualifiers = rel.qualifiers.length
      ? ` (${rel.qualifiers.map((pair) => `${pair.name}: ${shorten(pair.value)}`).join(', ')})`
      : '';
    const arrow = rel.direction === 'OUTGOING' ? `—${rel.type}${qualifiers}→` : `←${rel.type}${qualifiers}—`;
    text += ` ${arrow} ${shortName(nodes[index + 1])}`;
  });
  return text;
}

/** The shortest name of an entity for running text: an acronym, else its name or title, else its key. */
export function shortName(entity: EntityRecord): string {
  const { acronym, name, title } = entity.props as Record<string, unknown>;
  for (const candidate of [acronym, name, title]) if (typeof candidate === 'string' && candidate) return candidate;
  return entity.key;
}

/** Qualifier values longer than the registry's `traversal.textQualifier` are cut short in path text. */
function shorten(value: string): string {
  const max = LIMITS.traversal.textQualifier;
  return value.length > max ? `${value.slice(0, max - 1).trimEnd()}…` : value;
}

/** Shortest first, then by text: a stable order whatever order Neo4j found the paths in. */
export function byLengthThenText(a: PathResult, b: PathResult): number {
  return a.length - b.length || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}
