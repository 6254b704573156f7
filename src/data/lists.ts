import neo4j from 'neo4j-driver';
import type { CypherLibrary } from '../db/cypherLibrary';
import type { CypherReader, Params } from '../db/cypherRunner';
import { SORT_PROPERTIES, type SortField } from '../graph/storedProperties';
import type { NodeLabel } from '../graph/vocabulary';
import { LIMITS } from '../limits';
import type { CursorBinding } from './cursors';
import { pageWindow, toPage, type ConnectionRecord, type PageArgs, type PageWindow } from './pagination';
import { NO_READ_AHEAD, readAheadFrom, projectionFor, type ReadAhead } from './prefetch';
import { toEntityRecordOf, type EntityRecord } from './records';

/**
 * Root lists (`organizations`, `countries` …) composed per request from named fragments of cypher/: the
 * label's MATCH, one fragment per filter the request uses (`cypher/<area>/filters/<filter>.cypher`, or the
 * shared `cypher/lists/filters/`), a keyset seek and an index-backed order on a stored sort key. A filter
 * fragment is either a predicate on `n` or, when it starts with MATCH, an anchor pattern: the first anchor the
 * request uses becomes the statement's MATCH (so the planner starts from the one country, theme … it names),
 * further anchors are checked as EXISTS { … }.
 */
export interface ListSpec {
  /** The list's name: its cypher/ folder and the list a cursor is bound to. */
  area: string;
  label: NodeLabel;
  /** The orders clients may ask for (GraphQL enum value → stored sort key). */
  orders: Partial<Record<string, SortField>>;
  defaultOrder: string;
}

export const LISTS = {
  organizations: { area: 'organizations', label: 'Organization', orders: { NAME: 'NAME', ACRONYM: 'ACRONYM', FOUNDED_YEAR: 'FOUNDED_YEAR' }, defaultOrder: 'NAME' },
  countries: { area: 'countries', label: 'Country', orders: { NAME: 'NAME', CODE: 'CODE' }, defaultOrder: 'NAME' },
  regions: { area: 'regions', label: 'Region', orders: { NAME: 'NAME', CODE: 'CODE' }, defaultOrder: 'CODE' },
  events: { area: 'events', label: 'Event', orders: { YEAR: 'YEAR', NAME: 'NAME' }, defaultOrder: 'YEAR' },
  themes: { area: 'themes', label: 'Theme', orders: { NAME: 'NAME' }, defaultOrder: 'NAME' },
  projects: { area: 'projects', label: 'Project', orders: { NAME: 'NAME' }, defaultOrder: 'NAME' },
  claims: { area: 'claims', label: 'Claim', orders: { NAME: 'NAME' }, defaultOrder: 'NAME' },
  positions: { area: 'positions', label: 'Position', orders: { NAME: 'NAME' }, defaultOrder: 'NAME' },
  people: { area: 'people', label: 'Person', orders: { NAME: 'NAME' }, defaultOrder: 'NAME' },
  agreements: { area: 'agreements', label: 'Agreement', orders: { NAME: 'NAME' }, defaultOrder: 'NAME' },
  trainingPrograms: { area: 'trainingPrograms', label: 'TrainingProgram', orders: { NAME: 'NAME' }, defaultOrder: 'NAME' },
  sources: { area: 'sources', label: 'Source', orders: { NAME: 'NAME' }, defaultOrder: 'NAME' },
} as const satisfies Record<string, ListSpec>;

export interface ListRequest extends PageArgs {
  /** Filter values by filter name; null or undefined means "not used". Values are already normalised. */
  filter: Record<string, unknown>;
  orderBy?: { field: string; direction?: 'ASC' | 'DESC' | null } | null;
}

export interface ComposedList {
  page: Record<string, string>;
  count: Record<string, string>;
  /** The request's filter values under their parameter names. */
  params: Params;
}

function fragmentName(library: CypherLibrary, area: string, filter: string): string {
  const own = `${area}/filters/${filter}`;
  if (library.has(own)) return own;
  const shared = `lists/filters/${filter}`;
  if (library.has(shared)) return shared;
  throw new Error(`No filter fragment ${own}.cypher or ${shared}.cypher.`);
}

function fragmentText(library: CypherLibrary, name: string): string {
  return library.compose(name, {});
}

/** Which filters a request uses, in a stable order (the anchor choice must not depend on argument order). */
export function activeFilters(filter: Record<string, unknown>): string[] {
  return Object.keys(filter)
    .filter((name) => filter[name] !== null && filter[name] !== undefined)
    .sort();
}

/** The slots of cypher/lists/page.cypher and count.cypher for one request: pure, so unit tests can read them. */
export function composeList(library: CypherLibrary, spec: ListSpec, filter: Record<string, unknown>, window: PageWindow, order: { field: SortField; descending: boolean }): ComposedList {
  const sortKey = SORT_PROPERTIES[order.field];
  let anchor: string | null = null;
  const predicates: string[] = [];
  const params: Params = {};
  for (const name of activeFilters(filter)) {
    const text = fragmentText(library, fragmentName(library, spec.area, name));
    // Whole numbers go to Neo4j as integers, so that they compare with (and seek in) integer properties.
    params[name] = typeof filter[name] === 'number' && Number.isInteger(filter[name]) ? neo4j.int(filter[name] as number) : filter[name];
    if (/^MATCH\b/i.test(text)) {
      if (anchor === null) anchor = text;
      else predicates.push(`EXISTS { ${text} }`);
    } else {
      predicates.push(`(${text})`);
    }
  }
  const match = anchor === null ? `MATCH (n:${spec.label})` : `${anchor}\nWITH DISTINCT n`;
  const reverse = order.descending !== window.backward;
  const seek = window.position === null ? [] : [library.compose(reverse ? 'lists/seek-before' : 'lists/seek-after', { sortKey })];
  return {
    page: {
      match,
      where: [`n.${sortKey} IS NOT NULL`, ...predicates, ...seek].join('\n  AND '),
      sortKey,
      direction: reverse ? 'DESC' : 'ASC',
    },
    count: { match, where: predicates.length > 0 ? predicates.join('\n  AND ') : 'true' },
    params,
  };
}

/** One page of a root list, with a lazily counted total (the count runs only when `totalCount` is selected). */
export async function listPage(
  cypher: CypherReader,
  spec: ListSpec,
  request: ListRequest,
  readAhead: ReadAhead | null = null,
): Promise<ConnectionRecord<EntityRecord>> {
  const orderName = request.orderBy?.field ?? spec.defaultOrder;
  const field = spec.orders[orderName];
  if (!field) throw new Error(`List ${spec.area} has no order ${orderName}.`);
  const descending = request.orderBy?.direction === 'DESC';
  const binding: CursorBinding = { list: spec.area, filter: request.filter, order: `${orderName} ${descending ? 'DESC' : 'ASC'}` };
  const window = pageWindow(request, LIMITS.page, binding);
  const composed = composeList(cypher.library, spec, request.filter, window, { field, descending });
  const ahead = readAhead ?? NO_READ_AHEAD;
  const projection = projectionFor(cypher.library, ahead, spec.label);
  const rows =
    window.size === 0
      ? []
      : await cypher.readTemplate(
          'lists/page',
          { ...composed.page, projection: projection.text },
          { ...composed.params, ...projection.params, position: window.position, limit: neo4j.int(window.size + 1) },
        );
  const page = toPage(rows, window, binding, (row) => String(row.position));
  const nodes = page.items.map((row) => (readAhead ? readAheadFrom(row.entity, ahead.plan, spec.label) : toEntityRecordOf(row.entity, spec.label)));
  return {
    edges: nodes.map((node, index) => ({
      get cursor() {
        return page.cursorAt(index);
      },
      node,
    })),
    nodes,
    pageInfo: page.pageInfo,
    totalCount: async () => Number((await cypher.readTemplate('lists/count', composed.count, composed.params))[0].total),
  };
}
