import neo4j from 'neo4j-driver';
import type { CypherLibrary } from '../db/cypherLibrary';
import type { CypherReader, Params } from '../db/cypherRunner';
import { TEMPORAL_PROPERTIES } from '../graph/model';
import type { NodeLabel } from '../graph/vocabulary';
import { SORT_SEPARATOR } from '../graph/storedProperties';
import type { Loaders } from './loaders';
import { toEntityRecordOf, type EntityRecord } from './records';
import {
  keepReadAhead,
  orderExpression,
  pageRequestOf,
  positionExpression,
  relationshipSlots,
  toPageRow,
  type PageRowShape,
  type RelationshipPageRequest,
} from './relationshipPages';

/**
 * Read-ahead: the relationship pages a query selects below an entity, read in the same statement as the
 * entity (nested COLLECT subqueries, each with the per-parent limit inside), so that a root field with nested
 * relationship connections is one statement however deep it goes. Each page is kept on its parent's record
 * under the key the relationship resolvers compute from their arguments, so they answer it synchronously;
 * anything not read ahead still goes through the batched loaders.
 */
export interface PrefetchField {
  /** Unique within one statement (k1, k2 …): the key of its page in the projected map. */
  name: string;
  /** The stored qualifiers its edges show (projected with the relationship's id, and provenance when selected). */
  qualifiers: readonly string[];
  /** Its GraphQL edge type (whose provenance the query may select); empty for singular fields. */
  edge: string;
  request: RelationshipPageRequest;
  /** Its page's readAheadKey (the same for every parent: it names the field, selection, order and window). */
  pageKey: string;
  count: boolean;
  /** Whether to read the extra row that says if there is more: only where `pageInfo` is selected below it. */
  probe: boolean;
  child: PrefetchPlan;
}

export interface PrefetchPlan {
  fields: PrefetchField[];
}

export const EMPTY_PLAN: PrefetchPlan = { fields: [] };

/**
 * Per GraphQL type name: the stored properties its resolvers read, or 'all'. A type not listed reads all. For
 * edge types: the edge fields selected (each shows the stored property of its name) and `cursor` when the
 * edges' positions are needed (an edge's `cursor`, or the connection's `pageInfo`).
 */
export type PropertyNeeds = Map<string, Set<string> | 'all'>;

/** What to read ahead below a root field, and which properties of each kind of entity to project. */
export interface ReadAhead {
  plan: PrefetchPlan;
  properties: PropertyNeeds;
}

export const NO_READ_AHEAD: ReadAhead = { plan: EMPTY_PLAN, properties: new Map() };

/** Properties every record needs whatever the query selects (identity; the uid is `Label:key`, see toEntityRecordOf). */
const IDENTITY = ['key'];

/** Whether an edge type's needs include `name`: all of them when the query's needs are not known. */
function edgeNeeds(needs: PropertyNeeds, edge: string, name: string): boolean {
  const wanted = needs.get(edge);
  return wanted === undefined || wanted === 'all' || wanted.has(name);
}

function propsExpression(variable: string, label: NodeLabel | null, needs: PropertyNeeds): string {
  const wanted = label === null ? 'all' : (needs.get(label) ?? 'all');
  if (wanted === 'all') return `properties(${variable})`;
  const names = [...new Set([...IDENTITY, ...wanted])].filter((name) => /^[A-Za-z][A-Za-z0-9]*$/.test(name));
  return `${variable} {${names.map((name) => `.${name}`).join(', ')}}`;
}

/** The `{ labels, props, prefetched }` expression for `variable` and the parameters it uses. */
export function projectionOf(library: CypherLibrary, plan: PrefetchPlan, variable = 'n', needs: PropertyNeeds = new Map(), label: NodeLabel | null = null): { text: string; params: Params } {
  const params: Params = { separator: SORT_SEPARATOR };
  const project = (node: PrefetchPlan, nodeVar: string, depth: number, nodeLabel: NodeLabel | null): string => {
    const fields = node.fields.flatMap((field, index) => {
      const name = field.name;
      const rel = `r${depth}_${index}`;
      const other = `o${depth}_${index}`;
      const { key } = pageRequestOf('', field.request);
      const { selection } = field.request;
      const slots = relationshipSlots(library, selection, rel);
      params[`limit_${name}`] = neo4j.int(key.window.size + (field.probe ? 1 : 0));
      // Only what the query reads crosses the wire: the edges' selected properties, positions when cursors are
      // selected, and no type, direction or label where the field fixes them (shapeOf fills those in).
      const relProperties = [...field.qualifiers, ...TEMPORAL_PROPERTIES, 'provenance'].filter((property) => edgeNeeds(needs, field.edge, property));
      const shape = shapeOf(field);
      const entries = [
        `${name}: ${library.compose('prefetch/relationship-page', {
          parent: nodeVar,
          pattern: slots.pattern,
          other,
          label: slots.other,
          rel,
          id: edgeNeeds(needs, field.edge, 'id') ? `${rel}.id` : 'null',
          position: edgeNeeds(needs, field.edge, 'cursor') ? positionExpression(key, rel, other) : 'null',
          positionVar: `position_${name}`,
          order: orderExpression(key, rel, other, key.descending !== key.window.backward ? 'DESC' : 'ASC'),
          limit: `$limit_${name}`,
          type: shape.type === undefined ? `type(${rel})` : 'null',
          outgoing: shape.outgoing === undefined ? `startNode(${rel}) = ${nodeVar}` : 'null',
          relProps: relProperties.length === 0 ? 'null' : `${rel} {${relProperties.map((property) => `.${property}`).join(', ')}}`,
          projection: project(field.child, other, depth + 1, selection.other),
        })}`,
      ];
      if (field.count) {
        entries.push(`${name}_count: ${library.compose('prefetch/relationship-count', { parent: nodeVar, pattern: slots.pattern, label: slots.other })}`);
      }
      return entries;
    });
    const labels = nodeLabel === null ? `labels: labels(${nodeVar}), ` : '';
    const props = propsExpression(nodeVar, nodeLabel, needs);
    return fields.length === 0 ? library.compose('prefetch/leaf-entity', { labels, props }) : library.compose('prefetch/entity', { labels, props, fields: fields.join(', ') });
  };
  return { text: project(plan, variable, 1, label), params };
}

/**
 * projectionOf for the root variable `n`, kept per read-ahead plan: a plan is reused for every request of the
 * same operation with the same planning values (src/graphql/lookahead.ts), and so is its Cypher text.
 */
export function projectionFor(library: CypherLibrary, readAhead: ReadAhead, label: NodeLabel): { text: string; params: Params } {
  let byPlan = PROJECTIONS.get(library);
  if (!byPlan) PROJECTIONS.set(library, (byPlan = new WeakMap()));
  let byLabel = byPlan.get(readAhead);
  if (!byLabel) byPlan.set(readAhead, (byLabel = new Map()));
  let projection = byLabel.get(label);
  if (!projection) byLabel.set(label, (projection = projectionOf(library, readAhead.plan, 'n', readAhead.properties, label)));
  return projection;
}

const PROJECTIONS = new WeakMap<CypherLibrary, WeakMap<ReadAhead, Map<NodeLabel, { text: string; params: Params }>>>();

/** What a read-ahead field fixes, so its rows need not carry it: the type, the direction, the other end's label. */
function shapeOf(field: PrefetchField): PageRowShape {
  const { types, direction, other } = field.request.selection;
  return {
    type: types?.length === 1 ? types[0] : undefined,
    outgoing: direction === null ? undefined : direction === 'OUTGOING',
    label: other ?? undefined,
  };
}

/**
 * Reads an entity map of prefetch/entity, keeping every page read ahead below it on its parent's record
 * (relationshipPages.ts serves them from there). `label`: the entity's, when the statement knew it and so
 * left its labels out.
 */
export function readAheadFrom(value: unknown, plan: PrefetchPlan, label: NodeLabel | undefined): EntityRecord {
  const entity = toEntityRecordOf(value, label);
  const prefetched = ((value as { prefetched?: Record<string, unknown> }).prefetched ?? {}) as Record<string, unknown>;
  const keep = (parent: EntityRecord, values: Record<string, unknown>, node: PrefetchPlan) => {
    for (const field of node.fields) {
      const name = field.name;
      const shape = shapeOf(field);
      const read = ((values[name] ?? []) as unknown[][]).map(readAheadRow);
      const rows = read.map((row) => toPageRow(parent.uid, row, shape));
      const count = field.count ? Number(values[`${name}_count`]) : undefined;
      // Below the rows first: a page merged into one kept earlier brings what was read ahead below it along.
      if (field.child.fields.length > 0) {
        read.forEach((row, index) => keep(rows[index].rel.node, (row.other as { prefetched?: Record<string, unknown> }).prefetched ?? {}, field.child));
      }
      keepReadAhead(parent, field.pageKey, { rows, probed: field.probe, count });
    }
  };
  keep(entity, prefetched, plan);
  return entity;
}

/** A row of prefetch/relationship-page (a list, in its documented order) as the map toPageRow reads. */
function readAheadRow([id, relProps, position, other, type, outgoing]: unknown[]): Record<string, unknown> {
  return { id, relProps, position, other, type, outgoing };
}

/** How a root field finds its one entity: by uid (any kind) or an organization by acronym. */
export type EntityLookup = { uid: string } | { acronym: string };

/**
 * One entity with the planned pages read ahead: one statement. With nothing planned, a uid goes through the
 * batching loader (so sibling root fields share one statement) and an acronym through its own look-up.
 */
export async function entityWithReadAhead(cypher: CypherReader, loaders: Loaders, lookup: EntityLookup, label: NodeLabel, readAhead: ReadAhead): Promise<EntityRecord | null> {
  const { plan } = readAhead;
  if (plan.fields.length === 0 && 'uid' in lookup) return loaders.entityByUid.load(lookup.uid);
  const projection = projectionFor(cypher.library, readAhead, label);
  // A fragment without slots: compose only drops its comment lines.
  const match = cypher.library.compose('uid' in lookup ? 'prefetch/match-uid' : 'organizations/match-acronym', {});
  const [row] = await cypher.readTemplate('prefetch/one-entity', { match, projection: projection.text }, { ...projection.params, ...lookup });
  if (!row) return null;
  // Not primed into entityByUid: the record holds only the properties this field's selection reads.
  return readAheadFrom(row.entity, plan, label);
}
