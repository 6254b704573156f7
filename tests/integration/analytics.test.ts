import { LIMITS } from '../../src/limits';
import type { RunningServer } from '../../src/server';
import { execute, executeObserved } from '../helpers/testGraph';
import { startTestServer } from '../helpers/testServer';

/**
 * The analytics queries over the seeded graph. Every count is checked against a count Neo4j computes from
 * a differently written statement, run directly through the driver, not only against known numbers.
 */
describe('analytics over the seeded graph', () => {
  let server: RunningServer;

  beforeAll(async () => {
    // This suite asks for every link and item at the maximum, far over the default QUERY_MAX_COST (tests/integration/cost.test.ts covers the limit).
    server = await startTestServer({ QUERY_MAX_COST: '1000000000' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function cypher(statement: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, any>>> {
    const session = server.database.driver.session({ defaultAccessMode: 'READ' });
    try {
      return (await session.run(statement, params)).records.map((record) => record.toObject());
    } finally {
      await session.close();
    }
  }

  async function ok(query: string, variables: Record<string, unknown> = {}) {
    const { data, errors } = await execute(server, query, variables);
    expect(errors).toBeUndefined();
    return data;
  }

  async function errorOf(query: string): Promise<{ code: unknown; message: string }> {
    const { errors } = await execute(server, query);
    expect(errors).toHaveLength(1);
    return { code: errors![0].extensions?.code, message: errors![0].message };
  }

  const COUNTS = `query($dimension: CountDimension!, $includeEmpty: Boolean, $first: Int) {
    analytics { countsBy(dimension: $dimension, includeEmpty: $includeEmpty, first: $first) {
      dimension counted totalGroups truncated
      groups { key label count breakdown { type count } entity { id key kind } organizationKind year } } } }`;

  const countsBy = async (dimension: string, extra: Record<string, unknown> = {}) =>
    (await ok(COUNTS, { dimension, ...extra })).analytics.countsBy;

  const asMap = (rows: Array<Record<string, any>>) => Object.fromEntries(rows.map((row) => [String(row.key), Number(row.count)]));
  const groupMap = (groups: Array<{ key: string; count: number }>) => Object.fromEntries(groups.map((g) => [g.key, g.count]));

  describe('countsBy', () => {
    it('counts projects per theme as Neo4j does, empty themes only when asked', async () => {
      const expected = asMap(await cypher('MATCH (p:Project)-[:HAS_THEME]->(t:Theme) RETURN t.key AS key, count(DISTINCT p) AS count'));
      const result = await countsBy('THEME');
      expect(groupMap(result.groups)).toEqual(expected);
      expect(result.groups.every((g: any) => g.count > 0 && g.entity.kind === 'THEME' && g.entity.key === g.key)).toBe(true);
      expect(result.groups[0]).toMatchObject({ key: 'mineral-resources-assessment', count: 2, label: 'Mineral resources assessment' });
      expect(result).toMatchObject({ dimension: 'THEME', counted: 'projects per theme', totalGroups: 13, truncated: false });

      const [{ themes }] = await cypher('MATCH (t:Theme) RETURN count(t) AS themes');
      const withEmpty = await countsBy('THEME', { includeEmpty: true });
      expect(withEmpty.groups).toHaveLength(Number(themes));
      expect(Object.values(groupMap(withEmpty.groups)).reduce((a: number, b: any) => a + b, 0)).toBe(
        Object.values(expected).reduce((a, b) => a + b, 0),
      );
    });

    it('gives the same groups whether or not their entities are selected, and the entities wherever a fragment selects them', async () => {
      const plain = (await ok('{ analytics { countsBy(dimension: THEME) { groups { key count } } } }')).analytics.countsBy.groups;
      const throughFragment = (
        await ok('fragment Group on GroupCount { entity { key kind } } { analytics { countsBy(dimension: THEME) { groups { key count ...Group } } } }')
      ).analytics.countsBy.groups;
      expect(throughFragment.map((g: any) => ({ key: g.key, count: g.count }))).toEqual(plain);
      expect(throughFragment.every((g: any) => g.entity.kind === 'THEME' && g.entity.key === g.key)).toBe(true);
    });

    it('counts the projects, training programmes and claims linked to each region, per relationship type', async () => {
      const rows = await cypher(
        `MATCH (s)-[r]->(g:Region) WHERE type(r) IN ['TARGETS', 'TRAINEES_FROM', 'SCOPED_TO']
         RETURN g.key AS key, type(r) AS type, count(DISTINCT s) AS count`,
      );
      const perRegion = new Map<string, Record<string, number>>();
      for (const row of rows) perRegion.set(row.key, { ...perRegion.get(row.key), [row.type]: Number(row.count) });

      const result = await countsBy('REGION');
      expect(result.groups.map((g: any) => g.key).sort()).toEqual([...perRegion.keys()].sort());
      for (const group of result.groups) {
        const expected = perRegion.get(group.key)!;
        expect(Object.fromEntries(group.breakdown.map((b: any) => [b.type, b.count]))).toEqual(expected);
        expect(group.count).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
        expect(group.entity).toMatchObject({ kind: 'REGION', key: group.key });
      }
      // Latin America and the Caribbean: the programme targets it, trainees come from it, three claims cover it.
      expect(result.groups.find((g: any) => g.key === '419')).toMatchObject({ count: 5, label: 'Latin America and the Caribbean' });
    });

    it('counts organizations per kind (one without a kind would count as UNSPECIFIED)', async () => {
      const expected = asMap(await cypher("MATCH (o:Organization) RETURN coalesce(o.kind, 'UNSPECIFIED') AS key, count(*) AS count"));
      const result = await countsBy('ORGANIZATION_KIND');
      expect(groupMap(result.groups)).toEqual(expected);
      // Every seeded organization has a kind now (IAGOD, IAH and IAG are scientific associations), so no UNSPECIFIED group.
      expect(result.groups.find((g: any) => g.key === 'UNSPECIFIED')).toBeUndefined();
      expect(result.groups.find((g: any) => g.key === 'SCIENTIFIC_ASSOCIATION')).toMatchObject({ count: 3, organizationKind: 'SCIENTIFIC_ASSOCIATION', label: 'Scientific association' });
      expect(result.groups.find((g: any) => g.key === 'GEOLOGICAL_SURVEY')).toMatchObject({ organizationKind: 'GEOLOGICAL_SURVEY', label: 'Geological survey' });
      const counts = result.groups.map((g: any) => g.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    });

    it('counts events per year', async () => {
      const expected = asMap(await cypher('MATCH (e:Event) RETURN toString(e.year) AS key, count(*) AS count'));
      const result = await countsBy('EVENT_YEAR');
      expect(groupMap(result.groups)).toEqual(expected);
      expect(groupMap(result.groups)).toEqual({ '2005': 1, '2006': 2, '2008': 1, '2009': 2 });
      expect(result.groups.map((g: any) => g.year)).toEqual([2006, 2009, 2005, 2008]);
    });

    it('caps the groups at `first` and says so', async () => {
      const result = await countsBy('THEME', { includeEmpty: true, first: 2 });
      expect(result.groups).toHaveLength(2);
      expect(result).toMatchObject({ totalGroups: 13, truncated: true });
      expect(await errorOf(`{ analytics { countsBy(dimension: THEME, first: ${LIMITS.analytics.groups.max + 1}) { totalGroups } } }`)).toMatchObject({
        code: 'LIMIT_EXCEEDED',
      });
      expect(await errorOf('{ analytics { countsBy(dimension: THEME, first: 0) { totalGroups } } }')).toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it('runs one statement per aggregate', async () => {
      const { result, statements } = await executeObserved(server, COUNTS, { dimension: 'REGION' });
      expect(result.errors).toBeUndefined();
      expect(statements).toHaveLength(1);
    });
  });

  describe('rankings', () => {
    const RANKED = `query($first: Int, $types: [RelationshipType!]) { analytics {
      rankedOrganizations(first: $first, relationshipTypes: $types) { rank degree neighbours breakdown { type count } entity { key } }
      rankedCountries(first: $first, relationshipTypes: $types) { rank degree neighbours breakdown { type count } entity { key } } } }`;

    it('ranks organizations and countries by degree, with the degree Neo4j counts', async () => {
      const { analytics } = await ok(RANKED, { first: 5 });
      for (const [field, label] of [['rankedOrganizations', 'Organization'], ['rankedCountries', 'Country']] as const) {
        const ranked = analytics[field];
        expect(ranked).toHaveLength(5);
        expect(ranked.map((r: any) => r.rank)).toEqual([1, 2, 3, 4, 5]);
        // Hierarchy links (PART_OF: CGS under its ministry) are left out unless asked for.
        const top = await cypher(`MATCH (n:${label}) RETURN n.key AS key, COUNT { (n)-[r]-() WHERE type(r) <> 'PART_OF' } AS degree ORDER BY degree DESC, n.uid LIMIT 5`);
        expect(ranked.map((r: any) => [r.entity.key, r.degree])).toEqual(top.map((row) => [row.key, Number(row.degree)]));
        for (const entry of ranked) {
          const perType = await cypher(`MATCH (n:${label} {key: $key})-[r]-(o) WHERE type(r) <> 'PART_OF' RETURN type(r) AS type, count(r) AS count, count(DISTINCT o) AS others`, {
            key: entry.entity.key,
          });
          expect(Object.fromEntries(entry.breakdown.map((b: any) => [b.type, b.count]))).toEqual(
            Object.fromEntries(perType.map((row) => [row.type, Number(row.count)])),
          );
          expect(entry.breakdown.reduce((sum: number, b: any) => sum + b.count, 0)).toBe(entry.degree);
        }
      }
      // CGS's events, projects, posts and the three claims about it (20) put it just ahead of CCOP's sixteen
      // member countries, seat, posts and events (19).
      expect(analytics.rankedOrganizations.slice(0, 2).map((r: any) => [r.entity.key, r.degree])).toEqual([['cgs', 20], ['ccop', 19]]);
    });

    it('returns the registry’s default number of entries when `first` is omitted', async () => {
      const { analytics } = await ok('{ analytics { rankedOrganizations { rank entity { key } } } }');
      const [{ organizations }] = await cypher('MATCH (o:Organization) RETURN count(o) AS organizations');
      expect(Number(organizations)).toBeGreaterThan(LIMITS.analytics.ranked.default);
      expect(analytics.rankedOrganizations).toHaveLength(LIMITS.analytics.ranked.default);
      const explicit = await ok(RANKED, { first: LIMITS.analytics.ranked.default });
      expect(analytics.rankedOrganizations).toEqual(explicit.analytics.rankedOrganizations.map((r: any) => ({ rank: r.rank, entity: r.entity })));
    });

    it('counts only the asked relationship types', async () => {
      const { analytics } = await ok(RANKED, { first: 3, types: ['ORGANIZED'] });
      expect(analytics.rankedOrganizations.map((r: any) => [r.entity.key, r.degree])).toEqual([
        ['cgs', 6],
        ['iah', 1],
        ['mlr', 1],
      ]);
      expect(analytics.rankedOrganizations[0].breakdown).toEqual([{ type: 'ORGANIZED', count: 6 }]);
      expect(analytics.rankedCountries.every((r: any) => r.degree === 0)).toBe(true);
      expect(await errorOf(`{ analytics { rankedCountries(first: ${LIMITS.analytics.ranked.max + 1}) { rank } } }`)).toMatchObject({ code: 'LIMIT_EXCEEDED' });
    });
  });

  describe('eventTimeline', () => {
    const TIMELINE = `query($from: Int, $to: Int, $per: Int) { analytics {
      eventTimeline(yearFrom: $from, yearTo: $to, eventsPerYear: $per) { year count events { key year name } } } }`;

    it('gives the events per year, oldest first', async () => {
      const { analytics } = await ok(TIMELINE);
      const timeline = analytics.eventTimeline;
      expect(timeline.map((y: any) => [y.year, y.count])).toEqual([
        [2005, 1],
        [2006, 2],
        [2008, 1],
        [2009, 2],
      ]);
      for (const year of timeline) {
        expect(year.events).toHaveLength(year.count);
        expect(year.events.every((e: any) => e.year === year.year)).toBe(true);
      }
      expect(timeline[0].events[0].key).toBe('ccop-annual-session-42-2005');
      const rows = await cypher('MATCH (e:Event) RETURN e.year AS key, count(*) AS count ORDER BY key');
      expect(timeline.map((y: any) => [y.year, y.count])).toEqual(rows.map((row) => [Number(row.key), Number(row.count)]));
    });

    it('filters years and caps the events listed, still counting them all', async () => {
      const { analytics } = await ok(TIMELINE, { from: 2006, to: 2008, per: 1 });
      expect(analytics.eventTimeline.map((y: any) => [y.year, y.count, y.events.length])).toEqual([
        [2006, 2, 1],
        [2008, 1, 1],
      ]);
      expect(await errorOf('{ analytics { eventTimeline(yearFrom: 2010, yearTo: 2000) { year } } }')).toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  describe('cooperationNetwork', () => {
    const NETWORK = `query($kind: NetworkKind!, $via: [SharedItemKind!], $minWeight: Int, $limit: Int, $items: Int, $includeHierarchy: Boolean) { analytics {
      cooperationNetwork(kind: $kind, via: $via, minWeight: $minWeight, limit: $limit, itemsPerLink: $items, includeHierarchy: $includeHierarchy) {
        kind truncated nodes { id key }
        links { weight source { id key } target { id key } shared { kind count items { key kind } } } } } }`;

    /** Weighted pairs computed in the test from who takes part in what, read from Neo4j item by item. */
    function pairsOf(participation: Array<{ item: string; kind: string; members: string[] }>): Map<string, Map<string, Set<string>>> {
      const pairs = new Map<string, Map<string, Set<string>>>();
      for (const { item, kind, members } of participation) {
        const unique = [...new Set(members)].sort();
        for (let i = 0; i < unique.length; i += 1) {
          for (let j = i + 1; j < unique.length; j += 1) {
            const pair = `${unique[i]}|${unique[j]}`;
            if (!pairs.has(pair)) pairs.set(pair, new Map());
            const kinds = pairs.get(pair)!;
            if (!kinds.has(kind)) kinds.set(kind, new Set());
            kinds.get(kind)!.add(item);
          }
        }
      }
      return pairs;
    }

    async function network(kind: string, extra: Record<string, unknown> = {}) {
      return (await ok(NETWORK, { kind, limit: 1000, items: 50, ...extra })).analytics.cooperationNetwork;
    }

    function linksAsPairs(result: any): Map<string, Record<string, string[]>> {
      return new Map(
        result.links.map((link: any) => [
          `${link.source.key}|${link.target.key}`,
          Object.fromEntries(link.shared.map((part: any) => [part.kind, part.items.map((item: any) => item.key).sort()])),
        ]),
      );
    }

    function expectedAsPairs(pairs: Map<string, Map<string, Set<string>>>): Map<string, Record<string, string[]>> {
      return new Map(
        [...pairs].map(([pair, kinds]) => [pair, Object.fromEntries([...kinds].map(([kind, items]) => [kind, [...items].sort()]))]),
      );
    }

    it('links organizations that organized the same event, as Neo4j sees it', async () => {
      const participation = [
        ...(await cypher("MATCH (o:Organization)-[:ORGANIZED]->(e:Event) RETURN e.key AS item, 'EVENT' AS kind, collect(o.key) AS members")),
        ...(await cypher("MATCH (o:Organization)-[:PARTICIPATES_IN]->(p:Project) RETURN p.key AS item, 'PROJECT' AS kind, collect(o.key) AS members")),
        ...(await cypher("MATCH (o:Organization)-[:PARTY_TO]->(a:Agreement) RETURN a.key AS item, 'AGREEMENT' AS kind, collect(o.key) AS members")),
        ...(await cypher("MATCH (o:Organization)-[:PART_OF]->(p:Organization) RETURN p.key AS item, 'ORGANIZATION' AS kind, collect(o.key) AS members")),
      ] as Array<{ item: string; kind: string; members: string[] }>;
      const expected = pairsOf(participation);
      const result = await network('ORGANIZATION', { includeHierarchy: true });
      expect(linksAsPairs(result)).toEqual(expectedAsPairs(expected));
      // The 34th IAH congress: CGS, IAH and the ministry organized it together.
      expect(result.links.map((l: any) => [l.source.key, l.target.key, l.weight])).toEqual([
        ['cgs', 'iah', 1],
        ['cgs', 'mlr', 1],
        ['iah', 'mlr', 1],
      ]);
      expect(result.links[0].shared).toEqual([{ kind: 'EVENT', count: 1, items: [{ key: 'iah-congress-34-2006', kind: 'EVENT' }] }]);
      expect(result.nodes.map((n: any) => n.key).sort()).toEqual(['cgs', 'iah', 'mlr']);
      expect(result.truncated).toBe(false);
    });

    it('leaves out the link of CGS with MLR, its parent ministry, unless hierarchy links are asked for', async () => {
      const [{ parents }] = await cypher("MATCH (:Organization {key: 'cgs'})-[:PART_OF]->(p:Organization) RETURN collect(p.key) AS parents");
      expect(parents).toEqual(expect.arrayContaining(['mlr', 'mnr']));
      const result = await network('ORGANIZATION');
      expect(result.links.map((l: any) => [l.source.key, l.target.key, l.weight])).toEqual([
        ['cgs', 'iah', 1],
        ['iah', 'mlr', 1],
      ]);
      const ranked = (await ok('{ analytics { rankedOrganizations(first: 50) { entity { key } breakdown { type } } } }')).analytics.rankedOrganizations;
      expect(ranked.flatMap((r: any) => r.breakdown.map((b: any) => b.type))).not.toContain('PART_OF');
      const withHierarchy = (await ok('{ analytics { rankedOrganizations(first: 50, includeHierarchy: true) { entity { key } breakdown { type count } } } }')).analytics
        .rankedOrganizations;
      expect(withHierarchy.find((r: any) => r.entity.key === 'cgs').breakdown).toContainEqual({ type: 'PART_OF', count: 2 });
    });

    it('links countries through co-membership, events, projects and agreements, as Neo4j sees it', async () => {
      const participation = [
        ...(await cypher("MATCH (c:Country)-[:MEMBER_OF]->(o:Organization) RETURN o.key AS item, 'ORGANIZATION' AS kind, collect(c.key) AS members")),
        ...(await cypher(
          `MATCH (e:Event)
           OPTIONAL MATCH (e)-[:HELD_IN]->(h:Country)
           OPTIONAL MATCH (e)<-[:ORGANIZED]-(:Organization)-[:HEADQUARTERED_IN]->(o:Country)
           RETURN e.key AS item, 'EVENT' AS kind, collect(h.key) + collect(o.key) AS members`,
        )),
        ...(await cypher(
          `MATCH (p:Project)
           OPTIONAL MATCH (p)-[:TARGETS]->(t:Country)
           OPTIONAL MATCH (p)<-[:PARTICIPATES_IN]-(:Organization)-[:HEADQUARTERED_IN]->(o:Country)
           RETURN p.key AS item, 'PROJECT' AS kind, collect(t.key) + collect(o.key) AS members`,
        )),
        ...(await cypher(
          `MATCH (a:Agreement)<-[:PARTY_TO]-(:Organization)-[:HEADQUARTERED_IN]->(c:Country)
           RETURN a.key AS item, 'AGREEMENT' AS kind, collect(c.key) AS members`,
        )),
      ] as Array<{ item: string; kind: string; members: string[] }>;
      const expected = pairsOf(participation);
      const result = await network('COUNTRY');
      expect(linksAsPairs(result)).toEqual(expectedAsPairs(expected));
      // The sixteen CCOP members are pairwise linked through it.
      expect(result.links.filter((l: any) => l.shared.some((s: any) => s.kind === 'ORGANIZATION'))).toHaveLength((16 * 15) / 2);
      for (const link of result.links) {
        expect(link.weight).toBe(link.shared.reduce((sum: number, part: any) => sum + part.count, 0));
        expect(link.source.key < link.target.key).toBe(true);
      }
      const weights = result.links.map((l: any) => l.weight);
      expect(weights).toEqual([...weights].sort((a: number, b: number) => b - a));
    });

    it('applies the registry’s defaults for limit, itemsPerLink and minWeight when they are omitted', async () => {
      const { networkLinks, itemsPerLink } = LIMITS.analytics;
      const all = await network('COUNTRY', { limit: networkLinks.max, items: itemsPerLink.max });
      expect(all.links.length).toBeGreaterThan(networkLinks.default);
      const { analytics } = await ok(
        '{ analytics { cooperationNetwork(kind: COUNTRY) { truncated links { weight source { key } target { key } shared { count items { key } } } } } }',
      );
      const byDefault = analytics.cooperationNetwork;
      expect(byDefault.truncated).toBe(true);
      expect(byDefault.links.map((l: any) => [l.source.key, l.target.key, l.weight])).toEqual(
        all.links.slice(0, networkLinks.default).map((l: any) => [l.source.key, l.target.key, l.weight]),
      );
      expect(byDefault.links.every((l: any) => l.shared.every((s: any) => s.items.length === Math.min(s.count, itemsPerLink.default)))).toBe(true);
    });

    it('respects via, minWeight, limit and itemsPerLink', async () => {
      // On the seed every event is in China, so EVENT links no two countries; shared memberships do.
      expect((await network('COUNTRY', { via: ['EVENT'] })).links).toEqual([]);
      const onlyMemberships = await network('COUNTRY', { via: ['ORGANIZATION'] });
      expect(onlyMemberships.links.length).toBeGreaterThan(0);
      expect(onlyMemberships.links.every((l: any) => l.shared.every((s: any) => s.kind === 'ORGANIZATION'))).toBe(true);

      const all = await network('COUNTRY');
      const heavy = await network('COUNTRY', { minWeight: 2 });
      expect(heavy.links).toEqual(all.links.filter((l: any) => l.weight >= 2));

      const capped = await network('COUNTRY', { limit: 5, items: 0 });
      expect(capped.truncated).toBe(true);
      expect(capped.links.map((l: any) => [l.source.key, l.target.key, l.weight])).toEqual(
        all.links.slice(0, 5).map((l: any) => [l.source.key, l.target.key, l.weight]),
      );
      expect(capped.links.every((l: any) => l.shared.every((s: any) => s.items.length === 0 && s.count > 0))).toBe(true);
      expect(new Set(capped.nodes.map((n: any) => n.key))).toEqual(
        new Set(capped.links.flatMap((l: any) => [l.source.key, l.target.key])),
      );

      expect(await errorOf(`{ analytics { cooperationNetwork(kind: COUNTRY, limit: ${LIMITS.analytics.networkLinks.max + 1}) { truncated } } }`)).toMatchObject({
        code: 'LIMIT_EXCEEDED',
      });
      expect(await errorOf('{ analytics { cooperationNetwork(kind: COUNTRY, minWeight: 0) { truncated } } }')).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await errorOf('{ analytics { cooperationNetwork(kind: COUNTRY, via: []) { truncated } } }')).toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });
});
