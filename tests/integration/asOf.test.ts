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

  it('counts as of a day exactly what the page lists', async () => {
    const data = await ok('{ organization(acronym: "IUGS") { all: headquarters { totalCount } then: headquarters(asOf: "2010-01-01") { totalCount nodes { code } } } }');
    expect(data.organization.all.totalCount).toBe(2);
    expect(data.organization.then.totalCount).toBe(data.organization.then.nodes.length);
  });

  it('keeps facts without dates on every day', async () => {
    const data = await ok('{ organization(acronym: "CCOP") { all: memberCountries { totalCount } then: memberCountries(asOf: "1990-01-01") { totalCount } } }');
    expect(data.organization.then.totalCount).toBe(data.organization.all.totalCount);
  });

  it('refuses a day that is not a date', async () => {
    const { errors } = await execute(server, '{ organization(key: "cgs") { parentOrganizations(asOf: "2015-13-45") { totalCount } } }');
    // The LocalDate scalar rejects the literal before anything runs.
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0].message).toMatch(/LocalDate/);
  });
});
