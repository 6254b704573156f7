import { LIMITS } from '../../src/limits';
import type { RunningServer } from '../../src/server';
import { execute } from '../helpers/testGraph';
import { startTestServer } from '../helpers/testServer';

const SEARCH = `
  query($q: String!, $kinds: [EntityKind!], $first: Int, $after: String) {
    search(query: $q, kinds: $kinds, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor score node { id key kind label } }
    }
  }`;

const LOOKUP = `query($name: String!, $kinds: [EntityKind!]) { lookup(name: $name, kinds: $kinds) { id key kind } }`;

describe('search and lookup', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function search(variables: Record<string, unknown>) {
    const { data, errors } = await execute(server, SEARCH, variables);
    expect(errors).toBeUndefined();
    return data.search;
  }

  const uids = (result: any) => result.edges.map((edge: any) => `${edge.node.kind}:${edge.node.key}`);

  it('is served by a full-text index with the accent-folding analyzer, which Neo4j offers', async () => {
    const session = server.database.driver.session();
    try {
      const analyzers = await session.run('CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer RETURN collect(analyzer) AS names');
      expect(analyzers.records[0].get('names')).toContain('standard-folding');
      const indexes = await session.run(
        "SHOW FULLTEXT INDEXES YIELD name, state, labelsOrTypes, properties, options WHERE name = 'entity_search' RETURN *",
      );
      expect(indexes.records).toHaveLength(1);
      const index = indexes.records[0].toObject();
      expect(index.state).toBe('ONLINE');
      expect(index.labelsOrTypes).toEqual(['Entity']);
      expect(index.properties).toEqual(expect.arrayContaining(['name', 'acronym', 'aliasesText', 'description', 'statement', 'title']));
      expect(index.options.indexConfig['fulltext.analyzer']).toBe('standard-folding');
    } finally {
      await session.close();
    }
  });

  it('finds both the geochemical mapping theme and the 2009 geochemical mapping meeting, best first', async () => {
    const result = await search({ q: 'geochemical' });
    expect(uids(result)).toEqual(expect.arrayContaining(['THEME:geochemical-mapping', 'EVENT:international-geochemical-mapping-meeting-2009']));
    const scores = result.edges.map((edge: any) => edge.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((score: number) => score > 0)).toBe(true);
    expect(result.totalCount).toBe(result.edges.length);
  });

  it('keeps only the asked kinds', async () => {
    const themes = await search({ q: 'geochemical', kinds: ['THEME'] });
    expect(uids(themes)).toEqual(['THEME:geochemical-mapping']);
    expect(themes.totalCount).toBe(1);
    const eventsAndThemes = await search({ q: 'geochemical', kinds: ['EVENT', 'THEME'] });
    expect(uids(eventsAndThemes).sort()).toEqual(['EVENT:international-geochemical-mapping-meeting-2009', 'THEME:geochemical-mapping']);
  });

  it('finds CCOP by its acronym in any case, ranked first as an exact match', async () => {
    for (const q of ['ccop', 'CCOP']) {
      const result = await search({ q });
      expect(uids(result)[0]).toBe('ORGANIZATION:ccop');
      expect(uids(result)).toContain('EVENT:ccop-annual-session-42-2005');
    }
  });

  it('ignores accents and matches the beginnings of words', async () => {
    expect(uids(await search({ q: 'ÜNESCO', kinds: ['ORGANIZATION'] }))).toEqual(['ORGANIZATION:unesco']);
    expect(uids(await search({ q: 'geochem', kinds: ['THEME'] }))).toEqual(['THEME:geochemical-mapping']);
  });

  it('takes Lucene operators and special characters literally instead of failing', async () => {
    for (const q of ['foo:(', '"unterminated', 'geology AND', 'a && b || !c', '\\', '[1 TO 5]', '~', '/regex', '*', 'title:ccop^9']) {
      const { errors } = await execute(server, SEARCH, { q });
      expect({ q, errors }).toEqual({ q, errors: undefined });
    }
    expect(uids(await search({ q: 'ccop:(' }))).toContain('ORGANIZATION:ccop');
  });

  it('returns a page of the registry’s default size when `first` is omitted', async () => {
    const all = await search({ q: 'geological survey', first: LIMITS.search.first.max });
    expect(all.totalCount).toBeGreaterThan(LIMITS.search.first.default);
    const page = await search({ q: 'geological survey' });
    expect(page.edges).toHaveLength(LIMITS.search.first.default);
    expect(page.edges).toEqual(all.edges.slice(0, LIMITS.search.first.default));
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('walks every result once, in order, page by page', async () => {
    const all = await search({ q: 'geological survey', first: LIMITS.search.first.max });
    expect(all.totalCount).toBeGreaterThan(7);
    expect(all.edges.length).toBe(Math.min(all.totalCount, LIMITS.search.first.max));

    const walked: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = await search({ q: 'geological survey', first: 3, after });
      expect(page.totalCount).toBe(all.totalCount);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      walked.push(...page.edges.map((edge: any) => edge.node.id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(3);
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(all.edges.map((edge: any) => edge.node.id));
    expect(new Set(walked).size).toBe(walked.length);
    expect(pages).toBe(Math.ceil(all.totalCount / 3));
  });

  it('rejects an empty query, a page outside its bounds, a foreign cursor and an over-long query with coded errors', async () => {
    const { first, queryLength } = LIMITS.search;
    const empty = await execute(server, SEARCH, { q: '   ' });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'query' });
    const big = await execute(server, SEARCH, { q: 'ccop', first: first.max + 1 });
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argumentName: 'first', limit: first.max });
    const small = await execute(server, SEARCH, { q: 'ccop', first: first.min - 1 });
    expect(small.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    const cursor = await execute(server, SEARCH, { q: 'ccop', after: 'bm90LWEtY3Vyc29y' });
    expect(cursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    const long = await execute(server, SEARCH, { q: 'x'.repeat(queryLength + 1) });
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argumentName: 'query', limit: queryLength });
    const longName = await execute(server, LOOKUP, { name: 'x'.repeat(queryLength + 1) });
    expect(longName.errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argumentName: 'name', limit: queryLength });
  });

  const SUGGESTING = `query($q: String!, $first: Int) {
    search(query: $q, first: $first) { totalCount kinds { kind count } edges { match node { kind key label } } }
  }`;

  it('suggests entities for a misspelt query, each marked FUZZY', async () => {
    const { data, errors } = await execute(server, SUGGESTING, { q: 'geologcal', first: LIMITS.search.first.max });
    expect(errors).toBeUndefined();
    const { edges, totalCount } = data.search;
    expect(totalCount).toBeGreaterThan(0);
    expect(edges.every((edge: any) => edge.match === 'FUZZY')).toBe(true);
    expect(edges.map((edge: any) => edge.node.label)).toEqual(expect.arrayContaining([expect.stringMatching(/Geological/)]));
  });

  it('offers no suggestion when the words match as typed, and marks an exact name EXACT', async () => {
    const { data } = await execute(server, SUGGESTING, { q: 'geological', first: LIMITS.search.first.max });
    expect(data.search.totalCount).toBeGreaterThan(0);
    expect(data.search.edges.some((edge: any) => edge.match === 'FUZZY')).toBe(false);
    const ccop = await execute(server, SUGGESTING, { q: 'CCOP', first: 1 });
    expect(ccop.data.search.edges[0]).toMatchObject({ match: 'EXACT', node: { key: 'ccop' } });
  });

  it('counts the matches of each kind, adding up to the total', async () => {
    const { data } = await execute(server, SUGGESTING, { q: 'geological', first: LIMITS.search.first.max });
    const { kinds, totalCount, edges } = data.search;
    expect(kinds.reduce((sum: number, entry: any) => sum + entry.count, 0)).toBe(totalCount);
    const counts = kinds.map((entry: any) => entry.count);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    if (edges.length === totalCount) {
      for (const { kind, count } of kinds) expect(edges.filter((edge: any) => edge.node.kind === kind)).toHaveLength(count);
    }
  });

  it('looks names up exactly, ignoring case and accents', async () => {
    for (const name of ['UNESCO', 'Unesco', 'ÜNESCO', '  unesco ']) {
      const { data, errors } = await execute(server, LOOKUP, { name });
      expect(errors).toBeUndefined();
      expect(data.lookup).toEqual([{ id: expect.any(String), key: 'unesco', kind: 'ORGANIZATION' }]);
    }
    const byName = await execute(server, LOOKUP, { name: 'international union of geological sciences' });
    expect(byName.data.lookup.map((entity: any) => entity.key)).toEqual(['iugs']);
    const accentedAlias = await execute(server, LOOKUP, { name: 'Commission de la Carte Geologique du Monde' });
    expect(accentedAlias.data.lookup.map((entity: any) => entity.key)).toEqual(['cgmw']);
  });

  it('matches whole names only, so "China" is the country and not the China Geological Survey', async () => {
    const { data } = await execute(server, LOOKUP, { name: 'china' });
    expect(data.lookup).toEqual([{ id: expect.any(String), key: 'CN', kind: 'COUNTRY' }]);
    const partial = await execute(server, LOOKUP, { name: 'geological' });
    expect(partial.data.lookup).toEqual([]);
  });

  it('finds an event by its alias and keeps only the asked kinds', async () => {
    const alias = await execute(server, LOOKUP, { name: 'jurse 2009' });
    expect(alias.data.lookup.map((entity: any) => entity.key)).toEqual(['jurse-2009']);
    const wrongKind = await execute(server, LOOKUP, { name: 'CCOP', kinds: ['COUNTRY'] });
    expect(wrongKind.data.lookup).toEqual([]);
    const rightKind = await execute(server, LOOKUP, { name: 'CCOP', kinds: ['COUNTRY', 'ORGANIZATION'] });
    expect(rightKind.data.lookup.map((entity: any) => entity.key)).toEqual(['ccop']);
  });
});
