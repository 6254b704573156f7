import type { RunningServer } from '../../src/server';
import { execute } from '../helpers/testGraph';
import { startTestServer } from '../helpers/testServer';

describe('the read API over the seeded graph', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lists the organizations where CGS scientists hold positions, in one query', async () => {
    const { data, errors } = await execute(
      server,
      `{ organizations(filter: { hasPositionHeldByStaffOf: "CGS" }, orderBy: { field: ACRONYM }) {
           totalCount nodes { acronym name positions { nodes { heldByStaffOf { acronym } } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.organizations.nodes.map((o: any) => o.acronym)).toEqual(['CCOP', 'CGMW', 'GGN', 'ICL', 'IUGS', 'UNESCO']);
    expect(data.organizations.totalCount).toBe(6);
    const ccop = data.organizations.nodes[0];
    expect(ccop.name).toBe('Coordinating Committee for Geoscience Programmes in East and Southeast Asia');
    expect(ccop.positions.nodes.map((p: any) => p.heldByStaffOf.acronym)).toEqual(['CGS']);
  });

  it('lists the conferences CGS organized with their years and editions, sorted by year', async () => {
    const { data, errors } = await execute(
      server,
      `{ events(filter: { organizedBy: "cgs" }, orderBy: { field: YEAR, direction: ASC }) {
           totalCount nodes { name year edition hostCountry { code } } } }`,
    );
    expect(errors).toBeUndefined();
    const events = data.events.nodes;
    expect(events.map((e: any) => e.year)).toEqual([2005, 2006, 2006, 2008, 2009, 2009]);
    expect(events[0]).toMatchObject({ name: '42nd CCOP Annual Session', edition: 42 });
    expect(events.find((e: any) => e.name.includes('Geoanalysis')).edition).toBe(6);
    expect(events.every((e: any) => e.hostCountry.code === 'CN')).toBe(true);
  });

  it('sorts events newest first when asked', async () => {
    const { data } = await execute(server, '{ events(orderBy: { field: YEAR, direction: DESC }) { nodes { year } } }');
    expect(data.events.nodes.map((e: any) => e.year)).toEqual([2009, 2009, 2008, 2006, 2006, 2005]);
  });

  it('gives the eight project themes and the six focus areas, mineral resources assessment in both', async () => {
    const { data, errors } = await execute(
      server,
      `{ projectThemes: themes(filter: { list: PROJECT_THEME }) { totalCount nodes { name sourceLabel lists } }
         focusAreas: themes(filter: { list: FOCUS_AREA }) { totalCount nodes { name sourceLabel lists } }
         all: themes(first: 100) { totalCount } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.projectThemes.totalCount).toBe(8);
    expect(data.focusAreas.totalCount).toBe(6);
    expect(data.all.totalCount).toBe(13);
    const inBoth = data.projectThemes.nodes.filter((t: any) => t.lists.includes('FOCUS_AREA'));
    expect(inBoth.map((t: any) => t.sourceLabel)).toEqual(['mineral resources assessment']);
    expect(data.focusAreas.nodes.map((t: any) => t.sourceLabel)).toEqual(
      expect.arrayContaining(['geochemical mapping', 'digital geological mapping', 'comparison study']),
    );
  });

  it('reads the themes through the programme aimed at neighbouring countries, Africa and Latin America', async () => {
    const { data, errors } = await execute(
      server,
      `{ projects(filter: { targetsRegion: "002" }) { nodes { name level themes { totalCount nodes { name } }
           targetRegions { edges { node { code } sourceLabel mapping } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.projects.nodes).toHaveLength(1);
    const programme = data.projects.nodes[0];
    expect(programme.level).toBe('PROGRAMME');
    expect(programme.themes.totalCount).toBe(6);
    expect(programme.themes.nodes).toHaveLength(6);
    expect(programme.targetRegions.edges).toEqual(
      expect.arrayContaining([
        { node: { code: '002' }, sourceLabel: 'Africa', mapping: 'EXACT' },
        { node: { code: '419' }, sourceLabel: 'Lain America', mapping: 'CLOSEST' },
      ]),
    );
  });

  it('states the aggregate claims (36 countries; over 300 trainees from 69 countries) with their provenance', async () => {
    const { data, errors } = await execute(
      server,
      `{ claims(first: 10) { totalCount nodes { value unit qualifier statement
           provenance { quote confidence source { key sourceKind } }
           scope { edges { sourceLabel mapping node { code } } } } } }`,
    );
    expect(errors).toBeUndefined();
    const claims = data.claims.nodes;
    const find = (value: number, unit: string) => claims.find((c: any) => c.value === value && c.unit === unit);
    expect(find(36, 'COUNTRIES')).toMatchObject({ qualifier: 'EXACT' });
    expect(find(300, 'PEOPLE')).toMatchObject({ qualifier: 'MORE_THAN' });
    expect(find(69, 'COUNTRIES')).toMatchObject({ qualifier: 'EXACT' });
    for (const claim of [find(36, 'COUNTRIES'), find(300, 'PEOPLE'), find(69, 'COUNTRIES')]) {
      expect(claim.provenance[0].source).toEqual({ key: 'cgs-intl-exchange', sourceKind: 'PRIMARY_SOURCE' });
      expect(claim.statement).toContain(String(claim.value));
    }
    const america = find(36, 'COUNTRIES').scope.edges.filter((s: any) => s.sourceLabel === 'America');
    expect(america.map((s: any) => s.node.code).sort()).toEqual(['019', '021']);
    expect(america.every((s: any) => s.mapping === 'AMBIGUOUS')).toBe(true);
  });

  it('finds the events of a given year', async () => {
    const { data } = await execute(server, '{ events(filter: { year: 2006 }) { nodes { name year } } }');
    expect(data.events.nodes).toHaveLength(2);
    expect(data.events.nodes.every((e: any) => e.year === 2006)).toBe(true);
    const range = await execute(server, '{ events(filter: { yearFrom: 2008, yearTo: 2009 }) { totalCount } }');
    expect(range.data.events.totalCount).toBe(3);
  });

  it('walks a whole list with cursors and returns every item exactly once', async () => {
    const all = await execute(server, '{ countries(first: 100) { totalCount nodes { code } } }');
    const expected = all.data.countries.nodes.map((c: any) => c.code);
    expect(expected.length).toBe(all.data.countries.totalCount);
    expect(expected.length).toBeGreaterThan(10);
    for (const direction of ['ASC', 'DESC']) {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page: any = await execute(
          server,
          'query($after: String, $d: SortDirection) { countries(first: 3, after: $after, orderBy: { field: NAME, direction: $d }) { nodes { code } pageInfo { hasNextPage endCursor } } }',
          { after, d: direction },
        );
        seen.push(...page.data.countries.nodes.map((c: any) => c.code));
        pages += 1;
        if (!page.data.countries.pageInfo.hasNextPage) break;
        after = page.data.countries.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...expected].sort());
      expect(pages).toBe(Math.ceil(expected.length / 3));
    }
  });

  it('reaches every kind by natural key and by global id, and navigates relationships from both ends', async () => {
    const { data, errors } = await execute(
      server,
      `{ country(code: "cn") { id name alpha3 regions { nodes { code parent { code } } } eventsHosted { totalCount nodes { year } } }
         organization(acronym: "ccop") { id key memberCountries(first: 100) { totalCount edges { node { code } asOf } } headquartersCountry { code } headquarters { edges { node { code } city } } }
         region(code: "419") { name parent { code name } }
         event(key: "iah-congress-34-2006") { organizers { edges { role node { acronym } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.country).toMatchObject({ name: 'China', alpha3: 'CHN' });
    expect(data.country.regions.nodes[0]).toEqual({ code: '030', parent: { code: '142' } });
    expect(data.country.eventsHosted.totalCount).toBe(6);
    expect(data.organization.memberCountries.totalCount).toBe(16);
    expect(data.organization.memberCountries.edges).toHaveLength(16);
    expect(data.organization.headquartersCountry.code).toBe('TH');
    expect(data.organization.headquarters.edges[0].node.code).toBe('TH');
    expect(data.region.parent).toEqual({ code: '019', name: 'Americas' });
    expect(data.event.organizers.edges.map((o: any) => o.node.acronym).sort()).toEqual(['CGS', 'IAH', 'MLR']);

    const again = await execute(server, 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Entity { kind label } } }', {
      ids: [data.country.id, data.organization.id, 'Theme:geochemical-mapping', 'Country:ZZ'],
    });
    expect(again.data.nodes.map((n: any) => n?.kind ?? null)).toEqual(['COUNTRY', 'ORGANIZATION', 'THEME', null]);
  });

  it('exposes relationship qualifiers and provenance on edges', async () => {
    const { data, errors } = await execute(
      server,
      `{ organization(key: "cgs") { parentOrganizations { edges { node { acronym } startDate endDate provenance { confidence source { key } } } }
           relationships(types: [ORGANIZED], direction: OUTGOING) { totalCount nodes { type direction qualifiers { name value } provenance { quote } node { kind } } } } }`,
    );
    expect(errors).toBeUndefined();
    const parents = data.organization.parentOrganizations.edges;
    expect(parents.find((p: any) => p.node.acronym === 'MLR').endDate).toBe('2018-03-19');
    expect(parents.find((p: any) => p.node.acronym === 'MNR').startDate).toBe('2018-03-19');
    expect(parents.every((p: any) => p.provenance.length > 0)).toBe(true);
    expect(data.organization.relationships.totalCount).toBe(6);
    const organized = data.organization.relationships.nodes;
    expect(organized).toHaveLength(6);
    expect(organized[0].qualifiers).toContainEqual({ name: 'role', value: 'ORGANIZER' });
    expect(organized[0].provenance[0].quote).toContain('organized by CGS');
  });

  it('answers an empty relationships list, not an error, when no relationship type is asked', async () => {
    const { data, errors } = await execute(
      server,
      `{ organization(key: "cgs") { relationships(types: []) { totalCount nodes { type } pageInfo { hasNextPage } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.organization.relationships).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } });
  });

  it('leaves unknown values null rather than inventing them', async () => {
    const { data } = await execute(server, '{ event(key: "international-geochemical-mapping-meeting-2009") { city startDate edition series } people { totalCount } agreements { totalCount } }');
    expect(data.event).toEqual({ city: null, startDate: null, edition: null, series: null });
    expect(data.people.totalCount).toBe(0);
    expect(data.agreements.totalCount).toBe(0);
  });
});
