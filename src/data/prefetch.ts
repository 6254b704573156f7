import neo4j from 'neo4j-driver';
import type { CypherLibrary } from '../db/cypherLibrary';
import type { CypherReader, Params } from '../db/cypherRunner';
import { TEMPORAL_PROPERTIES } from '../graph/model';
import { SORT_SEPARATOR } from '../graph/storedProperties';
import type { Loaders } from './loaders';
import { toEntityRecord, type EntityRecord } from './records';
import { orderExpression, pageRequestOf, positionExpression, relationshipSlots, toPageRow, type RelationshipPageRequest } from './relationshipPages';

/**
 * Read-ahead: the relationship pages a query selects below an entity, read in the same statement as the
 * entity (nested COLLECT subqueries, each with the per-parent limit inside), so that a root field with nested
 * relationship connections is one statement however deep it goes. The results are primed into the request's
 * loaders under the very keys the relationship resolvers ask for, so resolvers do not change and anything not
 * read ahead still goes through the batched loaders.
 */
export interface PrefetchField {
  /** Unique within one statement (k1, k2 …): the key of its page in the projected map. */
  name: string;
  /** The stored qualifiers its edges show (projected with the relationship's id, and provenance when selected). */
  qualifiers: readonly string[];
  /** Its GraphQL edge type (whose provenance the query may select); empty for singular fields. */
  edge: string;
  request: RelationshipPageRequest;
  count: boolean;
  child: PrefetchPlan;
}

export interface PrefetchPlan {
  fields: PrefetchField[];
}

export const EMPTY_PLAN: PrefetchPlan = { fields: [] };

/**
 * Per GraphQL type name: the stored properties its resolvers read, or 'all'. A type not listed reads all. For
 * edge types: whether `provenance` is selected (qualifiers and id are always read).
 */
export type PropertyNeeds = Map<string, Set<string> | 'all'>;

/** What to read ahead below a root field, and which properties of each kind of entity to project. */
export interface ReadAhead {
  plan: PrefetchPlan;
  properties: PropertyNeeds;
}

export const NO_READ_AHEAD: ReadAhead = { plan: EMPTY_PLAN, properties: new Map() };

/** Properties every record needs whatever the query selects (identity). */
const IDENTITY = ['key', 'uid'];

function propsExpression(variable: string, label: string | null, needs: PropertyNeeds): string {
  const wanted = label === null ? 'all' : (needs.get(label) ?? 'all');
  if (wanted === 'all') return `properties(${variable})`;
  const names = [...new Set([...IDENTITY, ...wanted])].filter((name) => /^[A-Za-z][A-Za-z0-9]*$/.test(name));
  return `${variable} {${names.map((name) => `.${name}`).join(', ')}}`;
}

/** The `{ labels, props, prefetched }` expression for `variable` and the parameters it uses. */
export function projectionOf(library: CypherLibrary, plan: PrefetchPlan, variable = 'n', needs: PropertyNeeds = new Map(), label: string | null = null): { text: string; params: Params } {
  const params: Params = { separator: SORT_SEPARATOR };
  const project = (node: PrefetchPlan, nodeVar: string, depth: number, nodeLabel: string | null): string => {
    const fields = node.fields.flatMap((field, index) => {
      const name = field.name;
      const rel = `r${depth}_${index}`;
      const other = `o${depth}_${index}`;
      const { key } = pageRequestOf('', field.request);
      const slots = relationshipSlots(library, field.request.selection, rel);
      params[`limit_${name}`] = neo4j.int(key.window.size + 1);
      const entries = [
        `${name}: ${library.compose('prefetch/relationship-page', {
          parent: nodeVar,
          pattern: slots.pattern,
          other,
          label: slots.other,
          rel,
          position: positionExpression(key, rel, other),
          positionVar: `position_${name}`,
          order: orderExpression(key, rel, other, key.descending !== key.window.backward ? 'DESC' : 'ASC'),
          limit: `$limit_${name}`,
          outgoing: field.request.selection.direction === null ? `startNode(${rel}) = ${nodeVar}` : String(field.request.selection.direction === 'OUTGOING'),
          relProps: `${rel} {${['id', ...field.qualifiers, ...TEMPORAL_PROPERTIES, ...(needs.get(field.edge) === 'all' || (needs.get(field.edge) as Set<string> | undefined)?.has('provenance') ? ['provenance'] : [])].map((name) => `.${name}`).join(', ')}}`,
          projection: project(field.child, other, depth + 1, field.request.selection.other),
        })}`,
      ];
      if (field.count) {
        entries.push(`${name}_count: ${library.compose('prefetch/relationship-count', { parent: nodeVar, pattern: slots.pattern, label: slots.other })}`);
      }
      return entries;
    });
    const labels = nodeLabel === null ? `labels(${nodeVar})` : `['${nodeLabel}']`;
    return library.compose('prefetch/entity', { labels, props: propsExpression(nodeVar, nodeLabel, needs), fields: fields.join(', ') });
  };
  return { text: project(plan, variable, 1, label), params };
}

/** Reads an entity map of prefetch/entity and primes the loaders with every page read ahead below it. */
export function primeFrom(loaders: Loaders, value: unknown, plan: PrefetchPlan): EntityRecord {
  const entity = toEntityRecord(value);
  const prefetched = ((value as { prefetched?: Record<string, unknown> }).prefetched ?? {}) as Record<string, unknown>;
  const prime = (parent: EntityRecord, values: Record<string, unknown>, node: PrefetchPlan) => {
    for (const field of node.fields) {
      const name = field.name;
      const { key } = pageRequestOf(parent.uid, field.request);
      const rows = ((values[name] ?? []) as Array<Record<string, unknown>>).map((row) => ({ row, page: toPageRow(parent.uid, row) }));
      loaders.relationships.pages.prime(key, rows.map(({ page }) => page));
      if (field.count) loaders.relationships.counts.prime({ parentUid: parent.uid, selection: field.request.selection }, Number(values[`${name}_count`]));
      for (const { row, page } of rows) {
        prime(page.rel.node, (row.other as { prefetched?: Record<string, unknown> }).prefetched ?? {}, field.child);
      }
    }
  };
  prime(entity, prefetched, plan);
  return entity;
}

/** How a root field finds its one entity: by uid (any kind) or an organization by acronym. */
export type EntityLookup = { uid: string } | { acronym: string };

/**
 * One entity with the planned pages read ahead: one statement. With nothing planned, a uid goes through the
 * batching loader (so sibling root fields share one statement) and an acronym through its own look-up.
 */
export async function entityWithReadAhead(cypher: CypherReader, loaders: Loaders, lookup: EntityLookup, label: string, readAhead: ReadAhead): Promise<EntityRecord | null> {
  const { plan } = readAhead;
  if (plan.fields.length === 0 && 'uid' in lookup) return loaders.entityByUid.load(lookup.uid);
  const projection = projectionOf(cypher.library, plan, 'n', readAhead.properties, label);
  // A fragment without slots: compose only drops its comment lines.
  const match = cypher.library.compose('uid' in lookup ? 'prefetch/match-uid' : 'organizations/match-acronym', {});
  const [row] = await cypher.readTemplate('prefetch/one-entity', { match, projection: projection.text }, { ...projection.params, ...lookup });
  if (!row) return null;
  // Not primed into entityByUid: the record holds only the properties this field's selection reads.
  return primeFrom(loaders, row.entity, plan);
}
