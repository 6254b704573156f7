import { fromGlobalId, toGlobalId } from '../src/data/globalId';
import { LIMITS } from '../src/limits';
import type { GraphqlClient } from './graphqlClient';
import type { HandCypher, HandRow, HandStatement } from './handCypher';
import type { BenchInputs } from './inputs';
import { PEER_QUERIES } from './peerLibrary';

/**
 * The benchmark's cases: for each, the deterministic inputs and the sides that answer it (hand-written Cypher
 * first, as the reference, then ours, then the peer library where it can), each side's operation and how its
 * answer reduces to what must be equal across sides: the keys in order (with the role and counts where the
 * case has them). Our GraphQL shapes are fixed by the API; the others are written to return the same items.
 */
export const CASE_NAMES = [
  'lookup',
  'filteredSortedList',
  'nested',
  'countsPerGroup',
  'page1',
  'pageAfter10000',
  'neighbourhoodDepth2',
  'shortestPath',
] as const;
export type CaseName = (typeof CASE_NAMES)[number];

/** `cypher` is the hand-written reference; `cypherOffset` the OFFSET variant of the deep page, reported beside it. */
export type SideName = 'cypher' | 'cypherOffset' | 'ours' | 'library';

export interface Operation<I> {
  query: string;
  variables(input: I): Record<string, unknown>;
}

export interface Side<I> {
  name: SideName;
  /** One operation, timed; its result is only reduced by `answer` after the clock has stopped. */
  run(input: I): Promise<unknown>;
  answer(result: any): unknown;
}

export interface BenchCase<I = any> {
  name: CaseName;
  description: string;
  inputs: I[];
  /**
   * Levels of related data the operation reads (organization → its country is 2; a walk of depth 2 is 2):
   * the statements-per-operation target is this plus one.
   */
  nestingDepth: number;
  sides: Array<Side<I>>;
  /** Our GraphQL operation, also used to count our statements and for the load runs. */
  ours: Operation<I>;
  /** The peer's operation, where the library answers the case. */
  peer?: Operation<I>;
  /** Facts about the inputs worth keeping in the results (e.g. the deep page's position). */
  notes?: Record<string, unknown>;
}

export interface CaseContext {
  ours: GraphqlClient;
  peer: GraphqlClient;
  cypher: HandCypher;
  inputs: BenchInputs;
}

/** Items per page, as the cases' queries ask. */
const PAGE = 20;
/** Page size of the cursor walk to position 10,000 (our API's maximum `first`). */
const WALK_PAGE = LIMITS.page.max;
/** Groups our `countsBy` returns by default, which the other sides return too. */
const COUNTS_FIRST = LIMITS.analytics.groups.default;
/** Our neighbourhood's bounds (src/limits.ts), which the hand-written statement applies the same way. */
const WALK_BOUNDS = {
  limit: LIMITS.traversal.neighbourhoodNodes.default,
  scanLimit: LIMITS.traversal.stepScan,
  maxEdges: LIMITS.traversal.subgraphEdges,
};

const OURS = {
  lookup: `query($key: String!) { organization(key: $key) { key name acronym headquartersCountry { code name } } }`,
  filteredSortedList: `query($kind: OrganizationKind!) {
    organizations(filter: { organizationKinds: [$kind] }, orderBy: { field: NAME, direction: ASC }, first: 20) { edges { node { key name } } }
  }`,
  nested: `query($code: CountryCode!) { country(code: $code) { code name headquarteredOrganizations(first: 10) { edges { node { key name
    projects(first: 5) { edges { role node { key name themes(first: 5) { nodes { key name } } } } } } } } } }`,
  countsPerGroup: `{ analytics { countsBy(dimension: THEME) { groups { key count } } } }`,
  page: `query($first: Int, $after: String) { organizations(first: $first, after: $after) { edges { cursor node { key name } } } }`,
  neighbourhood: `query($id: ID!) { neighbourhood(id: $id, depth: 2) { nodes { id kind label } edges { id type source target } truncated } }`,
  shortestPath: `query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { length nodes { id } text } }`,
} as const;

export async function buildCases(context: CaseContext, selected: readonly CaseName[]): Promise<BenchCase[]> {
  const builders: Record<CaseName, () => Promise<BenchCase> | BenchCase> = {
    lookup: () => lookupCase(context),
    filteredSortedList: () => filteredSortedListCase(context),
    nested: () => nestedCase(context),
    countsPerGroup: () => countsPerGroupCase(context),
    page1: () => page1Case(context),
    pageAfter10000: () => pageAfterCase(context),
    neighbourhoodDepth2: () => neighbourhoodCase(context),
    shortestPath: () => shortestPathCase(context),
  };
  const cases: BenchCase[] = [];
  for (const name of selected) cases.push(await builders[name]());
  return cases;
}

function graphqlSide<I>(name: SideName, client: GraphqlClient, operation: Operation<I>, answer: (data: any) => unknown): Side<I> {
  return { name, run: (input) => client.post(operation.query, operation.variables(input)), answer };
}

function cypherSide<I>(
  name: SideName,
  cypher: HandCypher,
  statement: HandStatement,
  params: (input: I) => Record<string, unknown>,
  answer: (rows: HandRow[]) => unknown,
): Side<I> {
  return { name, run: (input) => cypher.run(statement, params(input)), answer };
}

const keys = (items: Array<Record<string, any>>): string[] => items.map((item) => item.key);

function lookupCase({ ours, peer, cypher, inputs }: CaseContext): BenchCase<string> {
  const oursOp: Operation<string> = { query: OURS.lookup, variables: (key) => ({ key }) };
  const peerOp: Operation<string> = { query: PEER_QUERIES.lookup, variables: (key) => ({ key }) };
  const shape = (o: any, country: any) => (o ? { key: o.key, name: o.name, acronym: o.acronym ?? null, country } : null);
  return {
    name: 'lookup',
    description: 'organization by key with its headquarters country',
    inputs: inputs.organizationKeys,
    nestingDepth: 2,
    ours: oursOp,
    peer: peerOp,
    sides: [
      cypherSide('cypher', cypher, 'lookup', (key) => ({ key }), ([row]) => shape(row, row?.country ?? null)),
      graphqlSide('ours', ours, oursOp, ({ organization: o }) =>
        shape(o, o?.headquartersCountry ? { key: o.headquartersCountry.code, name: o.headquartersCountry.name } : null),
      ),
      graphqlSide('library', peer, peerOp, ({ organizations: [o] }) => shape(o, o?.headquartersCountry[0] ?? null)),
    ],
  };
}

function filteredSortedListCase({ ours, peer, cypher, inputs }: CaseContext): BenchCase<string> {
  const oursOp: Operation<string> = { query: OURS.filteredSortedList, variables: (kind) => ({ kind }) };
  const peerOp: Operation<string> = { query: PEER_QUERIES.filteredSortedList, variables: (kind) => ({ kind }) };
  return {
    name: 'filteredSortedList',
    description: 'organizations of a kind by name, first 20',
    inputs: inputs.organizationKinds,
    nestingDepth: 1,
    ours: oursOp,
    peer: peerOp,
    sides: [
      cypherSide('cypher', cypher, 'filtered-sorted-list', (kind) => ({ kind, first: PAGE }), keys),
      graphqlSide('ours', ours, oursOp, (data) => data.organizations.edges.map((edge: any) => edge.node.key)),
      graphqlSide('library', peer, peerOp, (data) => keys(data.organizations)),
    ],
  };
}

/** The nested answer on every side: organizations → projects (key, role) → theme keys. */
interface NestedAnswer {
  code: string;
  organizations: Array<{ key: string; projects: Array<{ key: string; role: string | null; themes: string[] }> }>;
}

function nestedCase({ ours, peer, cypher, inputs }: CaseContext): BenchCase<string> {
  const oursOp: Operation<string> = { query: OURS.nested, variables: (code) => ({ code }) };
  const peerOp: Operation<string> = { query: PEER_QUERIES.nested, variables: (code) => ({ code }) };
  return {
    name: 'nested',
    description: 'country → 10 headquartered organizations → 5 projects each (role) → 5 themes each',
    inputs: inputs.countryKeys,
    nestingDepth: 4,
    ours: oursOp,
    peer: peerOp,
    notes: { busiestCountry: inputs.countryKeys[0] },
    sides: [
      cypherSide('cypher', cypher, 'nested', (code) => ({ code }), ([row]): NestedAnswer | null =>
        row
          ? {
              code: row.code,
              organizations: row.organizations.map((o: any) => ({
                key: o.key,
                projects: o.projects.map((p: any) => ({ key: p.key, role: p.role ?? null, themes: keys(p.themes) })),
              })),
            }
          : null,
      ),
      graphqlSide('ours', ours, oursOp, ({ country: c }): NestedAnswer | null =>
        c
          ? {
              code: c.code,
              organizations: c.headquarteredOrganizations.edges.map(({ node: o }: any) => ({
                key: o.key,
                projects: o.projects.edges.map((e: any) => ({ key: e.node.key, role: e.role ?? null, themes: keys(e.node.themes.nodes) })),
              })),
            }
          : null,
      ),
      graphqlSide('library', peer, peerOp, ({ countries: [c] }): NestedAnswer | null =>
        c
          ? {
              code: c.key,
              organizations: c.headquarteredOrganizations.map((o: any) => ({
                key: o.key,
                projects: o.projectsConnection.edges.map((e: any) => ({
                  key: e.node.key,
                  role: e.properties.role ?? null,
                  themes: keys(e.node.themes),
                })),
              })),
            }
          : null,
      ),
    ],
  };
}

function countsPerGroupCase({ ours, peer, cypher }: CaseContext): BenchCase<null> {
  const oursOp: Operation<null> = { query: OURS.countsPerGroup, variables: () => ({}) };
  const peerOp: Operation<null> = { query: PEER_QUERIES.countsPerGroup, variables: () => ({}) };
  const pairs = (groups: Array<Record<string, any>>): string[] => groups.map((group) => `${group.key}:${group.count}`);
  return {
    name: 'countsPerGroup',
    description: 'projects per theme, largest first',
    inputs: [null],
    nestingDepth: 1,
    ours: oursOp,
    peer: peerOp,
    sides: [
      cypherSide('cypher', cypher, 'counts-per-group', () => ({ first: COUNTS_FIRST }), pairs),
      graphqlSide('ours', ours, oursOp, (data) => pairs(data.analytics.countsBy.groups)),
      // The library cannot sort or filter themes by an aggregate: it returns every theme with its count, and
      // ordering them (largest first, ties by key, empty ones left out) is the client's work, done here after
      // the clock has stopped.
      graphqlSide('library', peer, peerOp, (data) =>
        pairs(
          data.themes
            .map((theme: any) => ({ key: theme.key, count: theme.projectsConnection.aggregate.count.nodes }))
            .filter((group: { count: number }) => group.count > 0)
            .sort((a: any, b: any) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
            .slice(0, COUNTS_FIRST),
        ),
      ),
    ],
  };
}

const ourPageKeys = (data: any) => data.organizations.edges.map((edge: any) => edge.node.key);

function page1Case({ ours, peer, cypher }: CaseContext): BenchCase<null> {
  const oursOp: Operation<null> = { query: OURS.page, variables: () => ({ first: PAGE }) };
  const peerOp: Operation<null> = { query: PEER_QUERIES.page, variables: () => ({ first: PAGE }) };
  return {
    name: 'page1',
    description: 'organizations by name, page 1 (20, with cursors)',
    inputs: [null],
    nestingDepth: 1,
    ours: oursOp,
    peer: peerOp,
    sides: [
      cypherSide('cypher', cypher, 'page', () => ({ first: PAGE }), keys),
      graphqlSide('ours', ours, oursOp, ourPageKeys),
      graphqlSide('library', peer, peerOp, (data) => data.organizationsConnection.edges.map((edge: any) => edge.node.key)),
    ],
  };
}

/**
 * The page after position 10,000 (or, on a graph too small for it, the last full page's position). Our
 * side gets its cursor from our own API, honestly: walking pages of 100 once during set-up. The library's
 * equivalent is its list with `offset` (see PEER_QUERIES.pageAt for why not its connection); the
 * hand-written side seeks on the sortName at that position (keyset) or skips (OFFSET).
 */
async function pageAfterCase({ ours, peer, cypher, inputs }: CaseContext): Promise<BenchCase<null>> {
  const position = Math.min(10_000, inputs.organizationCount - PAGE);
  const [atPosition] = await cypher.runSetup(
    'MATCH (o:Organization) WHERE o.sortName IS NOT NULL RETURN o.key AS key, o.sortName AS sortName ORDER BY o.sortName SKIP $skip LIMIT 1',
    { skip: position - 1 },
  );
  const walk = await settle(() => walkToPosition(ours, position));
  const ourCursor = (): string => {
    if (walk instanceof Error) throw new Error(`could not walk to position ${position}: ${walk.message}`);
    if (walk.key !== atPosition.key) throw new Error(`the walk reached ${walk.key} at position ${position}, not ${atPosition.key}`);
    return walk.cursor;
  };
  const oursOp: Operation<null> = { query: OURS.page, variables: () => ({ first: PAGE, after: ourCursor() }) };
  const peerOp: Operation<null> = { query: PEER_QUERIES.pageAt, variables: () => ({ first: PAGE, offset: position }) };
  return {
    name: 'pageAfter10000',
    description: `organizations by name, the 20 after position ${position}`,
    inputs: [null],
    nestingDepth: 1,
    ours: oursOp,
    peer: peerOp,
    notes: { position, library: 'organizations(sort, offset, limit): its connection cannot page this deep' },
    sides: [
      cypherSide('cypher', cypher, 'page-seek', () => ({ after: atPosition.sortName, first: PAGE }), keys),
      cypherSide('cypherOffset', cypher, 'page-offset', () => ({ offset: position, first: PAGE }), keys),
      graphqlSide('ours', ours, oursOp, ourPageKeys),
      graphqlSide('library', peer, peerOp, (data) => keys(data.organizations)),
    ],
  };
}

interface WalkEnd {
  cursor: string;
  key: string;
}
type Settled<T> = T | Error;

async function settle<T>(work: () => Promise<T>): Promise<Settled<T>> {
  try {
    return await work();
  } catch (error) {
    return error as Error;
  }
}

/** Follows our `after` cursors page by page to the item at 1-based `position`; returns its cursor and key. */
async function walkToPosition(client: GraphqlClient, position: number): Promise<WalkEnd> {
  let after: string | undefined;
  let seen = 0;
  let last: WalkEnd | undefined;
  while (seen < position) {
    const data = await client.post(OURS.page, { first: Math.min(WALK_PAGE, position - seen), after });
    const edges: Array<{ cursor: string; node: { key: string } }> = data.organizations.edges;
    if (edges.length === 0) throw new Error(`the list ended after ${seen} items`);
    seen += edges.length;
    const end = edges[edges.length - 1];
    last = { cursor: end.cursor, key: end.node.key };
    after = end.cursor;
  }
  return last!;
}

const uidOf = (id: string) => fromGlobalId(id).uid;

function neighbourhoodCase({ ours, cypher, inputs }: CaseContext): BenchCase<string> {
  const oursOp: Operation<string> = { query: OURS.neighbourhood, variables: (uid) => ({ id: toGlobalId(uid) }) };
  return {
    name: 'neighbourhoodDepth2',
    description: 'entities up to 2 relationships away (at most 100) and the relationships among them',
    inputs: inputs.centres,
    nestingDepth: 2,
    ours: oursOp,
    sides: [
      cypherSide('cypher', cypher, 'neighbourhood-depth2', (uid) => ({ uid, ...WALK_BOUNDS }), ([row]) => ({
        nodes: row.nodes,
        edges: row.edges.map((edge: any) => `${edge.source}|${edge.type}|${edge.target}`),
        truncated: row.truncated,
      })),
      graphqlSide('ours', ours, oursOp, ({ neighbourhood: n }) => ({
        nodes: n.nodes.map((node: any) => uidOf(node.id)),
        edges: n.edges.map((edge: any) => `${uidOf(edge.source)}|${edge.type}|${uidOf(edge.target)}`),
        truncated: n.truncated,
      })),
    ],
  };
}

function shortestPathCase({ ours, cypher, inputs }: CaseContext): BenchCase<[string, string]> {
  const oursOp: Operation<[string, string]> = {
    query: OURS.shortestPath,
    variables: ([from, to]) => ({ from: toGlobalId(from), to: toGlobalId(to) }),
  };
  // Which of several shortest paths comes back is up to the database: compared are the length and the ends.
  return {
    name: 'shortestPath',
    description: 'one shortest path of at most 6 relationships between two entities',
    inputs: inputs.pairs,
    nestingDepth: 1,
    ours: oursOp,
    sides: [
      cypherSide('cypher', cypher, 'shortest-path', ([from, to]) => ({ from, to }), ([row]) =>
        row ? { length: row.length, from: row.uids[0], to: row.uids.at(-1) } : null,
      ),
      graphqlSide('ours', ours, oursOp, ({ shortestPath: p }) =>
        p ? { length: p.length, from: uidOf(p.nodes[0].id), to: uidOf(p.nodes.at(-1).id) } : null,
      ),
    ],
  };
}
