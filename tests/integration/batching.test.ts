import type { RunningServer } from '../../src/server';
import { executeObserved } from '../helpers/testGraph';
import { startTestServer } from '../helpers/testServer';

/**
 * No N+1: the Cypher round trips of an operation grow with its nesting depth, not with the number of
 * results. The runner counts every statement it sends to Neo4j.
 */
describe('query batching', () => {
  let server: RunningServer;

  beforeAll(async () => {
    // This suite measures batching on deliberately huge nested pages, far over the default QUERY_MAX_COST (tests/integration/cost.test.ts covers the limit).
    server = await startTestServer({ QUERY_MAX_COST: '1000000000' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function countStatements(query: string) {
    const { result, statements } = await executeObserved(server, query);
    expect(result.errors).toBeUndefined();
    return { statements: statements.length, data: result.data };
  }

  it('runs one statement per nesting level for a depth-3 query over many results', async () => {
    const { statements, data } = await countStatements(`{
      countries(first: 100) {
        nodes {
          code
          memberships(first: 100) { nodes { acronym memberCountries(first: 100) { nodes { code regions { nodes { code parent { code } } } } } } }
        }
      } }`);
    const countries = data.countries.nodes;
    const memberships = countries.flatMap((c: any) => c.memberships.nodes);
    const nestedCountries = memberships.flatMap((m: any) => m.memberCountries.nodes);
    // Many results at every level...
    expect(countries.length).toBeGreaterThan(15);
    expect(nestedCountries.length).toBeGreaterThan(200);
    // ...but one list statement plus one batched statement for each of the five relationship levels.
    expect(statements).toBeLessThanOrEqual(6);
  });

  it('needs no more statements for 17 countries than for 2', async () => {
    const query = (first: number) =>
      `{ countries(first: ${first}) { nodes { memberships { nodes { headquartersCountry { code } } } regions { nodes { name } } } } }`;
    const few = await countStatements(query(2));
    const many = await countStatements(query(100));
    expect(many.statements).toBe(few.statements);
  });

  it('answers a root field with nested relationship pages and their counts in one statement (read ahead)', async () => {
    const { statements, data } = await countStatements(
      '{ organizations(first: 100) { nodes { acronym memberCountries(first: 2) { totalCount nodes { code memberships(first: 3) { nodes { acronym } } } } } } }',
    );
    const ccop = data.organizations.nodes.find((o: any) => o.acronym === 'CCOP');
    expect(ccop.memberCountries.nodes).toHaveLength(2);
    expect(ccop.memberCountries.totalCount).toBe(16);
    expect(ccop.memberCountries.nodes[0].memberships.nodes).toEqual([{ acronym: 'CCOP' }]);
    expect(statements).toBe(1);
  });

  it('reads ahead exactly what the batched loaders would answer', async () => {
    const query = (directive: string) => `{ organization(acronym: "CCOP") { memberCountries(first: 4, orderBy: { field: KEY, direction: DESC }) ${directive} {
        totalCount pageInfo { hasNextPage endCursor } edges { id asOf node { code headquarteredOrganizations(last: 2) { nodes { key } } } } } } }`;
    const readAhead = await countStatements(query(''));
    // @include keeps the field out of the read-ahead plan, so it goes through the loaders level by level.
    const batched = await countStatements(query('@include(if: true)'));
    expect(readAhead.data).toEqual(batched.data);
    expect(readAhead.statements).toBe(1);
    expect(batched.statements).toBeGreaterThan(1);
  });

  it('answers pageInfo right however it is selected, in one statement, as the loaders answer it (the unit test sees the extra row read only for it)', async () => {
    const query = (directive: string) => `query($more: Boolean = true) { organization(acronym: "CCOP") {
        a: memberCountries(first: 3) ${directive} { nodes { code headquarteredOrganizations(first: 1) { nodes { key } } } }
        b: memberCountries(first: 3) { ...more nodes { code headquarteredOrganizations(first: 1) { pageInfo @include(if: $more) { hasNextPage } } } }
        last: memberCountries(last: 2) { ... on CountryMembershipConnection { pageInfo { hasPreviousPage hasNextPage } } } } }
      fragment more on CountryMembershipConnection { pageInfo { hasNextPage endCursor } }`;
    const readAhead = await countStatements(query(''));
    const batched = await countStatements(query('@include(if: true)'));
    expect(readAhead.statements).toBe(1);
    expect(readAhead.data).toEqual(batched.data);
    const { a, b, last } = readAhead.data.organization;
    expect(b.pageInfo.hasNextPage).toBe(true);
    expect(last.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: false });
    expect(a.nodes.map((node: any) => node.code)).toEqual(b.nodes.map((node: any) => node.code));

    const plain = await executeObserved(server, '{ organization(acronym: "CCOP") { memberCountries(first: 3) { nodes { code } } } }');
    const probed = await executeObserved(server, '{ organization(acronym: "CCOP") { memberCountries(first: 3) { pageInfo { hasNextPage } nodes { code } } } }');
    expect(plain.statements).toHaveLength(1);
    expect(probed.result.data.organization.memberCountries.pageInfo.hasNextPage).toBe(true);
    expect(plain.result.data.organization.memberCountries.nodes).toEqual(probed.result.data.organization.memberCountries.nodes);
  });

  it('answers pageInfo below a page that two selections share, whichever of them asks for it, also under a directive', async () => {
    const queries = [
      `{ organization(acronym: "CCOP") { memberCountries(first: 3) { nodes { headquarteredOrganizations(first: 1) { nodes { key } } } } ...more } }
       fragment more on Organization { memberCountries(first: 3) { nodes { headquarteredOrganizations(first: 1) { pageInfo { hasNextPage } } } } }`,
      `query($x: Boolean = true) { organization(acronym: "CCOP") { a: memberCountries(first: 3) { nodes { code } } b: memberCountries(first: 3) @include(if: $x) { pageInfo { hasNextPage } } } }`,
      `{ countries(first: 3) { nodes { code memberships(first: 1) { nodes { acronym } } } edges { node { memberships(first: 1) { pageInfo { hasNextPage } } } } } }`,
    ];
    for (const query of queries) {
      const readAhead = await countStatements(query);
      const batched = await countStatements(query.replace(/(memberCountries|memberships)\(first: (\d)\)(?! @include)/g, '$1(first: $2) @include(if: true)'));
      expect(readAhead.data).toEqual(batched.data);
    }
  });

  it('plans an operation repeated with other variables anew only where they change the plan: page sizes, languages, directives', async () => {
    const query = `query($acronym: String!, $n: Int, $lang: String, $edges: Boolean = false) { organization(acronym: $acronym) {
        acronym name(lang: $lang) memberCountries(first: $n) { nodes { code } edges @include(if: $edges) { cursor } } } }`;
    const run = async (variables: Record<string, unknown>) => {
      const { result, statements } = await executeObserved(server, query, variables);
      expect(result.errors).toBeUndefined();
      expect(statements).toHaveLength(1);
      return result.data.organization;
    };
    expect((await run({ acronym: 'CCOP', n: 2 })).memberCountries.nodes).toHaveLength(2);
    expect((await run({ acronym: 'CCOP', n: 3 })).memberCountries.nodes).toHaveLength(3);
    const other = await run({ acronym: 'CGS', n: 1 });
    expect(other.acronym).toBe('CGS');
    expect(other.memberCountries.nodes.length).toBeLessThanOrEqual(1);
    // The Chinese name is read from the stored names, which the English one does not need.
    const english = await run({ acronym: 'CGS', n: 1, lang: 'en' });
    const chinese = await run({ acronym: 'CGS', n: 1, lang: 'zh' });
    expect(english.name).toBe('China Geological Survey');
    expect(chinese.name).toBe('中国地质调查局');
    const withCursors = await run({ acronym: 'CCOP', n: 3, edges: true });
    expect(withCursors.memberCountries.edges.every((edge: any) => typeof edge.cursor === 'string' && edge.cursor.length > 0)).toBe(true);
  });

  it('projects only what the resolvers read, yet answers aliases of one page that select different fields alike', async () => {
    const query = (directive: string) => `{ organization(acronym: "CCOP") {
        a: memberCountries(first: 3) ${directive} { nodes { name } }
        b: memberCountries(first: 3) { nodes { alpha3 label properties { name } } edges { provenance { confidence } } } } }`;
    const readAhead = await countStatements(query(''));
    const batched = await countStatements(query('@include(if: true)'));
    expect(readAhead.data.organization.a.nodes[0].name).toBeTruthy();
    expect(readAhead.data.organization.b.nodes[0].alpha3).toMatch(/^[A-Z]{3}$/);
    expect(readAhead.data.organization.b.edges[0].provenance.length).toBeGreaterThan(0);
    expect(readAhead.data).toEqual(batched.data);
  });

  it('reads ahead what every selection needs, also the relationship fields after one that reads every property', async () => {
    const query = (directive: string) => `{ organization(key: "cgs") {
        a: headquarters(first: 1) ${directive} { nodes { code } }
        properties { name value }
        b: headquarters(first: 2) ${directive} { edges { city cursor } nodes { name } } } }`;
    const readAhead = await countStatements(query(''));
    const batched = await countStatements(query('@include(if: true)'));
    expect(readAhead.statements).toBe(1);
    expect(readAhead.data.organization.b.edges[0].city).toBe('Beijing');
    expect(readAhead.data.organization.b.nodes[0].name).toBeTruthy();
    expect(readAhead.data).toEqual(batched.data);
  });

  it('reads ahead what every root field and alias of the operation needs, not only its own', async () => {
    const query = (directive: string) => `{
        a: organization(key: "cgs") { headquarters(first: 1) ${directive} { nodes { code } } }
        b: organization(key: "cgs") { headquarters(first: 1) ${directive} { edges { city cursor } nodes { name } } } }`;
    const readAhead = await countStatements(query(''));
    const batched = await countStatements(query('@include(if: true)'));
    expect(readAhead.data.b.headquarters.edges[0].city).toBe('Beijing');
    expect(readAhead.data.b.headquarters.nodes[0].name).toBeTruthy();
    expect(readAhead.data).toEqual(batched.data);
  });

  it('keeps a singular field and a connection over the same relationships apart, each with what it reads', async () => {
    const query = (directive: string) => `{ organization(key: "cgs") {
        headquartersCountry ${directive} { code }
        headquarters(first: 1) ${directive} { edges { city } } } }`;
    const readAhead = await countStatements(query(''));
    const batched = await countStatements(query('@include(if: true)'));
    expect(readAhead.data.organization.headquarters.edges[0].city).toBe('Beijing');
    expect(readAhead.data).toEqual(batched.data);
  });

  it('gives the generic relationships field its own page, not one read ahead for a typed field over the same relationships', async () => {
    const query = (directive: string) => `{ claim(key: "claim-agreements-36-countries") {
        subjects(first: 5) ${directive} { nodes { key } }
        relationships(types: [ABOUT], direction: OUTGOING, first: 5) { edges { cursor } nodes { provenance { quote } } } } }`;
    const readAhead = await countStatements(query(''));
    const batched = await countStatements(query('@include(if: true)'));
    expect(readAhead.data.claim.relationships.nodes[0].provenance.length).toBeGreaterThan(0);
    expect(readAhead.data).toEqual(batched.data);
  });

  it('batches what is not read ahead: one statement per level for all parents, the limit applied per parent inside Cypher', async () => {
    const { statements, data } = await countStatements(
      '{ organizations(first: 100) { nodes { acronym relationships(types: [MEMBER_OF], direction: INCOMING, first: 2) { totalCount nodes { node { key } } } } } }',
    );
    const ccop = data.organizations.nodes.find((o: any) => o.acronym === 'CCOP');
    expect(ccop.relationships.nodes).toHaveLength(2);
    expect(ccop.relationships.totalCount).toBe(16);
    // The list, one page statement for all organizations, one count statement for all of them.
    expect(statements).toBe(3);
  });

  it('runs all statements of an operation in one read transaction under the request id', async () => {
    const { result, statements } = await executeObserved(server, '{ a: country(code: "CN") { name } b: organizations(first: 2) { nodes { name } } }');
    expect(result.errors).toBeUndefined();
    expect(statements.length).toBeGreaterThan(1);
    expect(new Set(statements.map((event) => event.requestId)).size).toBe(1);
    expect(statements.every((event) => event.ms >= 0 && event.rows >= 0)).toBe(true);
    expect(statements.map((event) => event.name).sort()).toEqual(['entities/by-uids', 'lists/page']);
  });

  it('counts totalCount with one extra statement, and only when it is asked for', async () => {
    const without = await countStatements('{ events { nodes { name } } }');
    const withTotal = await countStatements('{ events { totalCount nodes { name } } }');
    expect(without.statements).toBe(1);
    expect(withTotal.statements).toBe(2);
  });
});
