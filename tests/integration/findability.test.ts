import type { RunningServer } from '../../src/server';
import { execute } from '../helpers/testGraph';
import { startTestServer } from '../helpers/testServer';

/** The source's own words find what the graph holds for them, by exact look-up and by full-text search. */
describe('findability of the source’s words', () => {
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

  const lookup = async (name: string) =>
    ((await ok('query($name: String!) { lookup(name: $name) { kind key } }', { name })).lookup as Array<{ kind: string; key: string }>).map(
      (hit) => `${hit.kind}:${hit.key}`,
    );
  const search = async (query: string) =>
    ((await ok('query($q: String!) { search(query: $q, first: 50) { edges { match node { kind key } } } }', { q: query })).search.edges as any[]).map(
      (edge) => ({ uid: `${edge.node.kind}:${edge.node.key}`, match: edge.match }),
    );

  it.each([
    ['America', ['REGION:019', 'REGION:021']],
    ['Lain America', ['REGION:419']],
    ['Latin America', ['REGION:419']],
    ['research institutes', ['PROJECT:programme-international-exchange-and-cooperation']],
    ['foreign geological surveys', ['PROJECT:programme-international-exchange-and-cooperation']],
  ])('looks up "%s" as the source writes it', async (words, expected) => {
    expect(await lookup(words)).toEqual(expect.arrayContaining(expected));
  });

  it('never reads the ambiguous "America" as the United States', async () => {
    expect(await lookup('America')).not.toContain('COUNTRY:US');
  });

  it.each([
    ['America', 'REGION:019'],
    ['America', 'REGION:021'],
    ['Lain America', 'REGION:419'],
    ['research institutes', 'PROJECT:programme-international-exchange-and-cooperation'],
    ['foreign geological surveys', 'PROJECT:programme-international-exchange-and-cooperation'],
  ])('finds "%s" in search as an exact match of %s', async (words, uid) => {
    expect(await search(words)).toEqual(expect.arrayContaining([{ uid, match: 'EXACT' }]));
  });

  it('holds the partner kinds of the opening sentence as typed values beside the source’s words', async () => {
    const data = await ok('{ project(key: "programme-international-exchange-and-cooperation") { partnerTypes partnerTypeLabels } }');
    expect(data.project.partnerTypes).toEqual(['GEOLOGICAL_SURVEY', 'INTERNATIONAL_ORGANIZATION', 'REGIONAL_ORGANIZATION', 'RESEARCH_INSTITUTE', 'UNIVERSITY']);
    expect(data.project.partnerTypeLabels).toContain('research institutes');
  });

  it('gives every organization a kind', async () => {
    const data = await ok('{ organizations(first: 100) { nodes { key organizationKind } } }');
    expect(data.organizations.nodes.filter((org: any) => org.organizationKind === null)).toEqual([]);
    const kinds = Object.fromEntries(data.organizations.nodes.map((org: any) => [org.key, org.organizationKind]));
    expect([kinds.iah, kinds.iagod, kinds.iag]).toEqual(['SCIENTIFIC_ASSOCIATION', 'SCIENTIFIC_ASSOCIATION', 'SCIENTIFIC_ASSOCIATION']);
  });

  it('finds CCOP among regional organizations by its regional scope, and only regional ones', async () => {
    const data = await ok('{ organizations(filter: { organizationKinds: [REGIONAL_ORGANIZATION] }) { totalCount nodes { acronym scope organizationKind } } }');
    expect(data.organizations.nodes).toContainEqual({ acronym: 'CCOP', scope: 'REGIONAL', organizationKind: 'INTERGOVERNMENTAL_ORGANIZATION' });
    for (const org of data.organizations.nodes) expect(org.scope === 'REGIONAL' || org.organizationKind === 'REGIONAL_ORGANIZATION').toBe(true);
    expect(data.organizations.totalCount).toBe(data.organizations.nodes.length);
  });

  it('links hydrogeology to IAH and its 2006 congress, each link with its provenance', async () => {
    const data = await ok(`{ theme(key: "hydrogeology") {
      organizations { edges { node { key } provenance { source { key } quote } } }
      events { edges { node { key } provenance { source { key } quote } } } } }`);
    expect(data.theme.organizations.edges.map((edge: any) => edge.node.key)).toEqual(['iah']);
    expect(data.theme.events.edges.map((edge: any) => edge.node.key)).toEqual(['iah-congress-34-2006']);
    for (const edge of [...data.theme.organizations.edges, ...data.theme.events.edges]) expect(edge.provenance[0].quote).toMatch(/Hydrogeologists/);
  });

  it('answers "which themes concern Africa" with one field', async () => {
    const data = await ok('{ region(code: "002") { themes { key } } }');
    expect(data.region.themes.map((theme: any) => theme.key).sort()).toEqual(
      ['comparison-study', 'digital-geological-mapping', 'geochemical-mapping', 'mineral-resources-assessment', 'regional-geology-and-mineral-deposit-map-compilation', 'training-and-technology-transfer'].sort(),
    );
  });

  it('counts the themes of regions inside a region: the Americas reach Latin America’s focus areas', async () => {
    const data = await ok('{ americas: region(code: "019") { themes { key } } europe: region(code: "150") { themes { key } } }');
    expect(data.americas.themes).toHaveLength(6);
    expect(data.europe.themes).toEqual([]);
  });

  it('labels the seeded positions for what they are, with neither post nor holder known', async () => {
    const data = await ok('{ positions(first: 100) { totalCount nodes { name title titleStated holderNamed organization { acronym } } } }');
    expect(data.positions.totalCount).toBe(6);
    for (const position of data.positions.nodes) {
      expect(position).toMatchObject({ title: null, titleStated: false, holderNamed: false });
      expect(position.name).toMatch(/^A position of CGS staff in .+ — title not stated$/);
    }
    expect(data.positions.nodes.map((p: any) => p.name)).toContain('A position of CGS staff in IUGS — title not stated');
  });
});
