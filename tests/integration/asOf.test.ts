import type { RunningServer } from '../../src/server';
import { execute } from '../helpers/testGraph';
import { startTestServer } from '../helpers/testServer';

/** Facts that change over time answer "as of" a day: CGS's parent ministry and the IUGS secretariat's seat. */
describe('relationships as of a day', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function ok(query: string, variables: Record<string, unknown> = {}) {
    const { data, errors } = await execute(server, query, variables);
    expect(errors).toBeUndefined();
    return data;
  }

  const parentsOn = async (day: string) =>
    (await ok('query($day: LocalDate) { organization(key: "cgs") { parentOrganizations(asOf: $day) { nodes { acronym } } } }', { day })).organization.parentOrganizations.nodes.map(
      (org: any) => org.acronym,
    );

  it.each([
    ['2015-01-01', ['MLR']],
    ['2018-03-18', ['MLR']],
    ['2018-03-19', ['MNR']],
    ['2024-06-30', ['MNR']],
  ])('says CGS was part of %s → %j', async (day, parents) => {
    expect(await parentsOn(day)).toEqual(parents);
  });

  it('lists both parents, with their dates and precision, when no day is given', async () => {
    const data = await ok(`{ organization(key: "cgs") { relationships(types: [PART_OF]) { nodes {
      node { ... on Organization { acronym } } validFrom validFromPrecision validTo validToPrecision } } } }`);
    const byParent = Object.fromEntries(data.organization.relationships.nodes.map((rel: any) => [rel.node.acronym, rel]));
    expect(byParent.MLR).toMatchObject({ validFrom: null, validFromPrecision: 'UNKNOWN', validTo: '2018-03-19', validToPrecision: 'DAY' });
    expect(byParent.MNR).toMatchObject({ validFrom: '2018-03-19', validFromPrecision: 'DAY', validTo: null });
  });

  it('shows on each typed edge when its relationship held, read ahead or not', async () => {
    const EDGES = 'edges { node { acronym } validFrom validFromPrecision validTo validToPrecision validPeriodLabel }';
    const data = await ok(`{ organization(key: "cgs") { parentOrganizations { ${EDGES} } positionsHeldByStaff(first: 1) { edges { validFromPrecision validToPrecision validPeriodLabel validFrom } } } }`);
    const byParent = Object.fromEntries(data.organization.parentOrganizations.edges.map((edge: any) => [edge.node.acronym, edge]));
    expect(byParent.MLR).toEqual({ node: { acronym: 'MLR' }, validFrom: null, validFromPrecision: 'UNKNOWN', validTo: '2018-03-19', validToPrecision: 'DAY', validPeriodLabel: null });
    expect(byParent.MNR).toMatchObject({ validFrom: '2018-03-19', validFromPrecision: 'DAY', validTo: null });
    // "In recent years": a period before the source's date, no year stored.
    expect(data.organization.positionsHeldByStaff.edges).toEqual([{ validFromPrecision: 'BEFORE_SOURCE_DATE', validToPrecision: 'UNKNOWN', validPeriodLabel: 'In recent years', validFrom: null }]);
    // The same edges through the batched loaders: a field under a directive is not read ahead.
    const listed = await ok(`{ organizations(filter: { nameContains: "China Geological" }) { nodes { parentOrganizations(orderBy: { field: KEY }) @include(if: true) { ${EDGES} } } } }`);
    expect(listed.organizations.nodes[0].parentOrganizations.edges.map((edge: any) => [edge.node.acronym, edge.validTo, edge.validFrom])).toEqual([
      ['MLR', '2018-03-19', null],
      ['MNR', null, '2018-03-19'],
    ]);
  });

  const seatsOn = async (day: string) =>
    (await ok('query($day: LocalDate) { organization(acronym: "IUGS") { headquarters(asOf: $day) { edges { city node { code } } } } }', { day })).organization.headquarters.edges.map(
      (edge: any) => `${edge.city}, ${edge.node.code}`,
    );

  it('places the IUGS secretariat in Reston in 2010 and in Beijing in 2015', async () => {
    expect(await seatsOn('2010-06-01')).toEqual(['Reston, US']);
    expect(await seatsOn('2015-06-01')).toEqual(['Beijing, CN']);
  });

  it('gives both seats for a day in 2012: the move is known only to the year ("late 2012")', async () => {
    expect((await seatsOn('2012-07-01')).sort()).toEqual(['Beijing, CN', 'Reston, US']);
  });

  it('reads every connection of an organization looked up as of a day, unless the connection says otherwise', async () => {
    const data = await ok(`{ then: organization(key: "cgs", asOf: "2015-01-01") {
        parentOrganizations { nodes { acronym } } relationships(types: [PART_OF]) { totalCount }
        later: parentOrganizations(asOf: "2020-01-01") { nodes { acronym } } }
      iugs: organization(acronym: "IUGS", asOf: "2010-01-01") { headquartersCountry { code } } }`);
    expect(data.then.parentOrganizations.nodes).toEqual([{ acronym: 'MLR' }]);
    expect(data.then.relationships.totalCount).toBe(1);
    expect(data.then.later.nodes).toEqual([{ acronym: 'MNR' }]);
    expect(data.iugs.headquartersCountry.code).toBe('US');
  });

  it('reads the connections of every kind looked up as of a day: IUGS is headquartered in China in 2015, not in 2010', async () => {
    const hosted = (country: { headquarteredOrganizations: { nodes: Array<{ acronym: string }> } }) => country.headquarteredOrganizations.nodes.map((org) => org.acronym);
    const data = await ok(`{ in2010: country(code: "CN", asOf: "2010-06-01") { headquarteredOrganizations(first: 50) { nodes { acronym } } }
      in2015: country(code: "CN", asOf: "2015-06-01") { headquarteredOrganizations(first: 50) { nodes { acronym } } }
      us2010: country(code: "US", asOf: "2010-06-01") { headquarteredOrganizations(first: 50) { nodes { acronym } } } }`);
    expect(hosted(data.in2010)).not.toContain('IUGS');
    expect(hosted(data.in2015)).toContain('IUGS');
    expect(hosted(data.us2010)).toContain('IUGS');
  });

  it('counts as of a day exactly what the page lists', async () => {
    const data = await ok('{ organization(acronym: "IUGS") { all: headquarters { totalCount } then: headquarters(asOf: "2010-01-01") { totalCount nodes { code } } } }');
    expect(data.organization.all.totalCount).toBe(2);
    expect(data.organization.then.totalCount).toBe(data.organization.then.nodes.length);
  });

  it('keeps facts without dates on every day', async () => {
    const data = await ok('{ organization(acronym: "CCOP") { all: memberCountries { totalCount } then: memberCountries(asOf: "1990-01-01") { totalCount } } }');
    expect(data.organization.then.totalCount).toBe(data.organization.all.totalCount);
  });

  describe('through traversal', () => {
    const neighboursOn = async (id: string, types: string[], day: string | null) =>
      (await ok('query($id: ID!, $types: [RelationshipType!], $day: LocalDate) { neighbourhood(id: $id, depth: 1, relationshipTypes: $types, asOf: $day) { nodes { id entity { ... on Organization { acronym } } } edges { type target } } }', { id, types, day })).neighbourhood;

    it('walks to MLR as CGS\'s parent on 2015-01-01 and to MNR on 2019-01-01, to both when no day is given', async () => {
      const labels = async (day: string | null) => (await neighboursOn('Organization:cgs', ['PART_OF'], day)).nodes.slice(1).map((node: any) => node.entity.acronym).sort();
      expect(await labels('2015-01-01')).toEqual(['MLR']);
      expect(await labels('2019-01-01')).toEqual(['MNR']);
      expect(await labels(null)).toEqual(['MLR', 'MNR']);
    });

    it('finds the IUGS secretariat in the USA in 2010 and in China in 2015, drawing only the edge that held', async () => {
      const on2010 = await neighboursOn('Organization:iugs', ['HEADQUARTERED_IN'], '2010-06-01');
      expect(on2010.nodes).toHaveLength(2);
      expect(on2010.edges.map((edge: any) => [edge.type, edge.target])).toEqual([['HEADQUARTERED_IN', on2010.nodes[1].id]]);
      const codeOf = async (day: string) => {
        const data = await ok('query($day: LocalDate) { neighbourhood(id: "Organization:iugs", depth: 1, relationshipTypes: [HEADQUARTERED_IN], asOf: $day) { nodes { entity { ... on Country { code } } } } }', { day });
        return data.neighbourhood.nodes.slice(1).map((node: any) => node.entity.code);
      };
      expect(await codeOf('2010-06-01')).toEqual(['US']);
      expect(await codeOf('2015-06-01')).toEqual(['CN']);
    });

    it('walks every step of a deeper neighbourhood, and draws its edges, over relationships that held on the day', async () => {
      const walk = async (day: string | null) =>
        (await ok('query($day: LocalDate) { neighbourhood(id: "Organization:cgs", depth: 2, relationshipTypes: [PART_OF, HEADQUARTERED_IN], asOf: $day) { nodes { id } edges { type source target } } }', { day })).neighbourhood;
      const on2015 = await walk('2015-01-01');
      const on2019 = await walk('2019-01-01');
      const always = await walk(null);
      const ids = (subgraph: any) => new Set(subgraph.nodes.map((node: any) => node.id));
      for (const dated of [on2015, on2019]) {
        expect(dated.nodes.length).toBeLessThan(always.nodes.length);
        expect([...ids(dated)].every((node) => ids(always).has(node))).toBe(true);
        expect(dated.edges.every((edge: any) => ids(dated).has(edge.source) && ids(dated).has(edge.target))).toBe(true);
      }
      expect(ids(on2015)).not.toEqual(ids(on2019));
    });

    it('finds a path only over relationships that held on the day', async () => {
      const path = async (day: string) =>
        (await ok('query($day: LocalDate) { shortestPath(from: "Organization:cgs", to: "Organization:mlr", maxLength: 1, relationshipTypes: [PART_OF], asOf: $day) { length } }', { day })).shortestPath;
      expect(await path('2015-01-01')).toEqual({ length: 1 });
      expect(await path('2019-01-01')).toBeNull();
      const connected = async (day: string) =>
        (await ok('query($day: LocalDate) { connection(from: "Organization:iugs", to: "Country:US", maxLength: 1, asOf: $day) { paths { length } } }', { day })).connection.paths;
      expect(await connected('2010-06-01')).toEqual([{ length: 1 }]);
      expect(await connected('2015-06-01')).toEqual([]);
      const all = async (day: string) =>
        (await ok('query($day: LocalDate) { allShortestPaths(from: "Organization:iugs", to: "Country:CN", maxLength: 1, asOf: $day) { length } }', { day })).allShortestPaths;
      expect(await all('2010-06-01')).toEqual([]);
      expect(await all('2015-06-01')).toEqual([{ length: 1 }]);
    });
  });

  describe('through analytics', () => {
    const partOfDegrees = async (day: string) =>
      Object.fromEntries(
        (await ok('query($day: LocalDate) { analytics { rankedOrganizations(relationshipTypes: [PART_OF], first: 50, asOf: $day) { degree entity { key } } } }', { day })).analytics.rankedOrganizations.map(
          (entry: any) => [entry.entity.key, entry.degree],
        ),
      );

    it('counts MLR as CGS\'s parent in the rankings of 2015-01-01 and MNR in those of 2019-01-01', async () => {
      expect(await partOfDegrees('2015-01-01')).toMatchObject({ cgs: 1, mlr: 1, mnr: 0 });
      expect(await partOfDegrees('2019-01-01')).toMatchObject({ cgs: 1, mlr: 0, mnr: 1 });
    });

    it('keeps a parent out of the cooperation network on every day, and in it on every day when hierarchy is asked for', async () => {
      const pairs = async (day: string, includeHierarchy: boolean) =>
        (
          await ok('query($day: LocalDate, $h: Boolean) { analytics { cooperationNetwork(kind: ORGANIZATION, limit: 100, includeHierarchy: $h, asOf: $day) { links { source { key } target { key } } } } }', { day, h: includeHierarchy })
        ).analytics.cooperationNetwork.links.map((link: any) => [link.source.key, link.target.key].sort().join('–'));
      for (const day of ['2015-01-01', '2019-01-01']) {
        expect(await pairs(day, false)).not.toContain('cgs–mlr');
        expect(await pairs(day, true)).toContain('cgs–mlr');
      }
    });

    it('counts undated links on every day: the counts by region are the same on any day as without one', async () => {
      const counts = async (day: string | null) =>
        (await ok('query($day: LocalDate) { analytics { countsBy(dimension: REGION, first: 50, asOf: $day) { groups { key count } } } }', { day })).analytics.countsBy.groups;
      expect(await counts('1990-01-01')).toEqual(await counts(null));
    });
  });

  it('refuses a day that is not a date', async () => {
    const { errors } = await execute(server, '{ organization(key: "cgs") { parentOrganizations(asOf: "2015-13-45") { totalCount } } }');
    // The LocalDate scalar rejects the literal before anything runs.
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0].message).toMatch(/LocalDate/);
  });
});
