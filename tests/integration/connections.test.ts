import { RELATIONSHIP_TYPES } from '../../src/graph/vocabulary';
import type { RunningServer } from '../../src/server';
import { execute } from '../helpers/testGraph';
import { startTestServer } from '../helpers/testServer';

/** Relay connections on the root and on every relationship field: both directions, bound cursors, stable ids. */
describe('connections', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function ok(query: string, variables: Record<string, unknown> = {}) {
    const result = await execute(server, query, variables);
    expect(result.errors).toBeUndefined();
    return result.data;
  }

  async function errorOf(query: string, variables: Record<string, unknown> = {}) {
    const result = await execute(server, query, variables);
    expect(result.errors).toHaveLength(1);
    return result.errors![0];
  }

  const MEMBERS = `query($first: Int, $after: String, $last: Int, $before: String) { organization(acronym: "CCOP") {
    memberCountries(first: $first, after: $after, last: $last, before: $before) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor id asOf node { code name } } } } }`;

  async function walk(step: (cursor: string | null) => Promise<{ codes: string[]; next: string | null }>): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page = await step(cursor);
      pages.push(page.codes);
      cursor = page.next;
    } while (cursor !== null);
    return pages;
  }

  it('pages a relationship field forwards and backwards over the same items in the same order', async () => {
    const all = (await ok(MEMBERS, { first: 100 })).organization.memberCountries;
    const names = all.edges.map((edge: any) => edge.node.name);
    expect(all.totalCount).toBe(16);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

    const forward = await walk(async (after) => {
      const { memberCountries } = (await ok(MEMBERS, { first: 5, after })).organization;
      return { codes: memberCountries.edges.map((e: any) => e.node.code), next: memberCountries.pageInfo.hasNextPage ? memberCountries.pageInfo.endCursor : null };
    });
    const backward = await walk(async (before) => {
      const { memberCountries } = (await ok(MEMBERS, { last: 5, before })).organization;
      return { codes: memberCountries.edges.map((e: any) => e.node.code), next: memberCountries.pageInfo.hasPreviousPage ? memberCountries.pageInfo.startCursor : null };
    });
    const codes = all.edges.map((edge: any) => edge.node.code);
    expect(forward.flat()).toEqual(codes);
    expect(backward.reverse().flat()).toEqual(codes);
    expect(forward.map((page) => page.length)).toEqual([5, 5, 5, 1]);
  });

  it('pages a root list backwards from its end and forwards from its start alike', async () => {
    const LIST = `query($first: Int, $after: String, $last: Int, $before: String) {
      countries(first: $first, after: $after, last: $last, before: $before, orderBy: { field: CODE, direction: DESC }) {
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { code } } }`;
    const all = (await ok(LIST, { first: 100 })).countries.nodes.map((c: any) => c.code);
    expect(all).toEqual([...all].sort().reverse());
    const backward = await walk(async (before) => {
      const { countries } = await ok(LIST, { last: 4, before });
      return { codes: countries.nodes.map((c: any) => c.code), next: countries.pageInfo.hasPreviousPage ? countries.pageInfo.startCursor : null };
    });
    expect(backward.reverse().flat()).toEqual(all);
  });

  it('refuses a cursor of one list replayed on another, with BAD_USER_INPUT', async () => {
    const organizations = await ok('{ organizations(first: 1) { pageInfo { endCursor } } }');
    const cursor = organizations.organizations.pageInfo.endCursor;
    const onCountries = await errorOf('query($after: String) { countries(after: $after) { nodes { code } } }', { after: cursor });
    expect(onCountries.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    const otherOrder = await errorOf('query($after: String) { organizations(after: $after, orderBy: { field: ACRONYM }) { nodes { key } } }', { after: cursor });
    expect(otherOrder.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const otherFilter = await errorOf('query($after: String) { organizations(after: $after, filter: { organizationKinds: [NETWORK] }) { nodes { key } } }', { after: cursor });
    expect(otherFilter.message).toMatch(/another filter/);
  });

  it('refuses a relationship cursor replayed on another parent or another field', async () => {
    const page = (await ok(MEMBERS, { first: 1 })).organization.memberCountries;
    const otherParent = await errorOf('query($after: String) { organization(acronym: "IUGS") { memberCountries(after: $after) { totalCount } } }', { after: page.pageInfo.endCursor });
    expect(otherParent.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    const otherField = await errorOf('query($after: String) { organization(acronym: "CCOP") { positions(after: $after) { totalCount } } }', { after: page.pageInfo.endCursor });
    expect(otherField.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('hands out relationship ids that stay the same and fetch the relationship again', async () => {
    const first = (await ok(MEMBERS, { first: 3 })).organization.memberCountries.edges;
    const again = (await ok(MEMBERS, { first: 3 })).organization.memberCountries.edges;
    expect(again.map((edge: any) => edge.id)).toEqual(first.map((edge: any) => edge.id));
    const fetched = await ok(
      `query($id: ID!) { relationship(id: $id) { id type direction start { key } end { key } node { key } qualifiers { name value } provenance { confidence } }
         node(id: $id) { id ... on Relationship { type } } }`,
      { id: first[0].id },
    );
    expect(fetched.relationship).toMatchObject({ id: first[0].id, type: 'MEMBER_OF', direction: 'OUTGOING', start: { key: first[0].node.code }, end: { key: 'ccop' } });
    expect(fetched.relationship.node).toEqual({ key: 'ccop' });
    expect(fetched.relationship.qualifiers).toContainEqual({ name: 'asOf', value: first[0].asOf });
    expect(fetched.node).toEqual({ id: first[0].id, type: 'MEMBER_OF' });
  });

  it('stores relationship ids under a uniqueness constraint for every relationship type', async () => {
    const rows = await server.database.cypher.read('system/relationship-id-constraints');
    expect(rows.map((row) => row.type).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
  });

  it('answers null for a relationship id that matches nothing, and BAD_USER_INPUT for one that is not an id', async () => {
    const missing = await ok('query($id: ID!) { relationship(id: $id) { id } }', { id: 'Relationship:MEMBER_OF:nothing' });
    expect(missing.relationship).toBeNull();
    const bad = await errorOf('{ relationship(id: "Organization:cgs") { id } }');
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('gives the singular headquarters country beside the qualified headquarters links', async () => {
    const data = await ok('{ organization(acronym: "CCOP") { headquartersCountry { code } headquarters { totalCount edges { city node { code } } } } }');
    expect(data.organization.headquarters).toMatchObject({ totalCount: 1, edges: [{ node: { code: 'TH' } }] });
    expect(data.organization.headquartersCountry.code).toBe(data.organization.headquarters.edges[0].node.code);
  });

  it('counts exactly what its pages list, for every root list and filter', async () => {
    const cases = [
      'organizations(filter: { hasPositionHeldByStaffOf: "cgs" })',
      'organizations(filter: { organizationKinds: [INTERGOVERNMENTAL_ORGANIZATION, REGIONAL_ORGANIZATION] })',
      'organizations(filter: { nameContains: "geolog", headquarteredIn: "CN" })',
      'countries(filter: { memberOf: "CCOP", inRegion: "142" })',
      'regions(filter: { within: "019" })',
      'events(filter: { organizedBy: "CGS", yearFrom: 2006 })',
      'events(filter: { hostCountry: "cn", eventKinds: [CONFERENCE] })',
      'projects(filter: { theme: "geochemical-mapping" })',
      'themes(filter: { list: FOCUS_AREA })',
      'positions(filter: { heldByStaffOf: "cgs" })',
      'claims(filter: { unit: COUNTRIES })',
      'sources(sourceKind: STANDARD)',
    ];
    for (const list of cases) {
      const field = list.slice(0, list.indexOf('('));
      const data = await ok(`{ page: ${list.replace(')', ', first: 100)')} { totalCount nodes { id } } }`);
      expect({ list, count: data.page.totalCount }).toEqual({ list, count: data.page.nodes.length });
      expect(field).toBeTruthy();
    }
  });
});
