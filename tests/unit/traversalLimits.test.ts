import fs from 'node:fs';
import path from 'node:path';
import { AppError, QueryTimeoutError } from '../../src/errors';
import type { Params, Row } from '../../src/db/cypherRunner';
import {
  connection,
  MAX_NEIGHBOURHOOD_NODES,
  MAX_PATH_LENGTH,
  MAX_STEP_SCAN,
  MAX_SUBGRAPH_EDGES,
  neighbourhood,
  neighbourhoodRequest,
  pathRequest,
  shortestPath,
  type WalkContext,
} from '../../src/data/traversal';
import { decodeSearchCursor, encodeSearchCursor, escapeLucene, luceneQuery, searchRequest } from '../../src/data/search';

/** The code and argument of the error `run` throws (fails when it throws nothing or an untyped error). */
function errorOf(run: () => unknown): { code: unknown; argumentName: unknown; limit?: unknown } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const { code, argumentName, limit } = (error as AppError).extensions as Record<string, unknown>;
    return { code, argumentName, limit };
  }
  throw new Error('expected an error');
}

const CGS = 'Organization:cgs';

describe('neighbourhood arguments', () => {
  it('defaults to depth 1 and 100 nodes, with every type and kind', () => {
    expect(neighbourhoodRequest({ id: CGS })).toEqual({ uid: CGS, depth: 1, types: null, labels: null, limit: 100 });
    expect(neighbourhoodRequest({ id: CGS, depth: null, limit: null })).toMatchObject({ depth: 1, limit: 100 });
  });

  it('accepts depths 1 to 3 and limits 1 to 500', () => {
    expect(neighbourhoodRequest({ id: CGS, depth: 3, limit: 500 })).toMatchObject({ depth: 3, limit: 500 });
    expect(neighbourhoodRequest({ id: CGS, depth: 1, limit: 1 })).toMatchObject({ depth: 1, limit: 1 });
  });

  it('rejects a depth above 3 as LIMIT_EXCEEDED and below 1 as BAD_USER_INPUT, naming depth', () => {
    expect(errorOf(() => neighbourhoodRequest({ id: CGS, depth: 4 }))).toEqual({ code: 'LIMIT_EXCEEDED', argumentName: 'depth', limit: 3 });
    expect(errorOf(() => neighbourhoodRequest({ id: CGS, depth: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'depth' });
    expect(errorOf(() => neighbourhoodRequest({ id: CGS, depth: -2 }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'depth' });
  });

  it('rejects a node limit above 500 as LIMIT_EXCEEDED and below 1 as BAD_USER_INPUT', () => {
    expect(errorOf(() => neighbourhoodRequest({ id: CGS, limit: MAX_NEIGHBOURHOOD_NODES + 1 }))).toEqual({
      code: 'LIMIT_EXCEEDED',
      argumentName: 'limit',
      limit: 500,
    });
    expect(errorOf(() => neighbourhoodRequest({ id: CGS, limit: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'limit' });
  });

  it('rejects an ID that is not ours, and types or kinds outside the allow-lists', () => {
    expect(errorOf(() => neighbourhoodRequest({ id: 'Nonsense:cgs' }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    expect(errorOf(() => neighbourhoodRequest({ id: CGS, relationshipTypes: ['ORGANIZED', 'DELETE_ALL'] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'relationshipTypes',
    });
    expect(errorOf(() => neighbourhoodRequest({ id: CGS, kinds: ['EVENT', 'USER'] }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'kinds' });
  });

  it('turns EntityKind values into node labels and drops repeats', () => {
    const request = neighbourhoodRequest({ id: CGS, kinds: ['TRAINING_PROGRAM', 'EVENT', 'EVENT'], relationshipTypes: ['HELD_IN', 'HELD_IN'] });
    expect(request.labels).toEqual(['TrainingProgram', 'Event']);
    expect(request.types).toEqual(['HELD_IN']);
  });
});

describe('path arguments', () => {
  it('defaults maxLength to 6 for shortest paths and 4 for connections, and the path limits to 20 and 10', () => {
    expect(pathRequest('shortestPath', { from: CGS, to: 'Country:TH' })).toMatchObject({ maxLength: 6, limit: 1 });
    expect(pathRequest('allShortestPaths', { from: CGS, to: 'Country:TH' })).toMatchObject({ maxLength: 6, limit: 20 });
    expect(pathRequest('connection', { from: CGS, to: 'Country:TH' })).toMatchObject({ maxLength: 4, limit: 10 });
  });

  it('accepts maxLength 1 to 8 and rejects 9 as LIMIT_EXCEEDED and 0 as BAD_USER_INPUT', () => {
    expect(pathRequest('connection', { from: CGS, to: CGS, maxLength: 8 }).maxLength).toBe(8);
    expect(pathRequest('connection', { from: CGS, to: CGS, maxLength: 1 }).maxLength).toBe(1);
    expect(errorOf(() => pathRequest('shortestPath', { from: CGS, to: CGS, maxLength: 9 }))).toEqual({
      code: 'LIMIT_EXCEEDED',
      argumentName: 'maxLength',
      limit: 8,
    });
    expect(errorOf(() => pathRequest('shortestPath', { from: CGS, to: CGS, maxLength: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'maxLength' });
  });

  it('caps allShortestPaths at 100 paths and connection at 50', () => {
    expect(pathRequest('allShortestPaths', { from: CGS, to: CGS, limit: 100 }).limit).toBe(100);
    expect(errorOf(() => pathRequest('allShortestPaths', { from: CGS, to: CGS, limit: 101 }))).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 100 });
    expect(pathRequest('connection', { from: CGS, to: CGS, limit: 50 }).limit).toBe(50);
    expect(errorOf(() => pathRequest('connection', { from: CGS, to: CGS, limit: 51 }))).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 50 });
    expect(errorOf(() => pathRequest('connection', { from: CGS, to: CGS, limit: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'limit' });
  });

  it('names the endpoint whose ID is malformed', () => {
    expect(errorOf(() => pathRequest('connection', { from: CGS, to: '%%%' }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'to' });
    expect(errorOf(() => pathRequest('connection', { from: '', to: CGS }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'from' });
  });
});

describe('search arguments', () => {
  it('pages 10 results by default, 0 to 50 on request', () => {
    expect(searchRequest({ query: 'ccop' })).toMatchObject({ first: 10, offset: 0, labels: null });
    expect(searchRequest({ query: 'ccop', first: 50 }).first).toBe(50);
    expect(searchRequest({ query: 'ccop', first: 0 }).first).toBe(0);
    expect(errorOf(() => searchRequest({ query: 'ccop', first: 51 }))).toEqual({ code: 'LIMIT_EXCEEDED', argumentName: 'first', limit: 50 });
    expect(errorOf(() => searchRequest({ query: 'ccop', first: -1 }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });

  it('rejects a query without words, longer than 200 characters or of more than 20 words', () => {
    expect(errorOf(() => searchRequest({ query: ' \t ' }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'query' });
    expect(errorOf(() => searchRequest({ query: 'a'.repeat(201) }))).toMatchObject({ code: 'LIMIT_EXCEEDED', argumentName: 'query' });
    expect(errorOf(() => searchRequest({ query: Array(21).fill('rock').join(' ') }))).toMatchObject({ code: 'LIMIT_EXCEEDED', argumentName: 'query' });
    expect(searchRequest({ query: Array(20).fill('rock').join(' ') }).lucene.split(' ')).toHaveLength(40);
  });

  it('resumes after the position a cursor carries, and rejects cursors that are not ours or beyond the 200 results', () => {
    expect(decodeSearchCursor(encodeSearchCursor(0))).toBe(0);
    expect(searchRequest({ query: 'ccop', after: encodeSearchCursor(9) }).offset).toBe(10);
    expect(errorOf(() => searchRequest({ query: 'ccop', after: encodeSearchCursor(200) }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(errorOf(() => searchRequest({ query: 'ccop', after: 'not a cursor' }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(errorOf(() => searchRequest({ query: 'ccop', after: Buffer.from('search:-1').toString('base64url') }))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('escapes every Lucene special character', () => {
    expect(escapeLucene('foo:(')).toBe('foo\\:\\(');
    expect(escapeLucene('+-&|!(){}[]^"~*?:\\/')).toBe('\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
    expect(escapeLucene('plain words')).toBe('plain words');
  });

  it('searches each word as a term and, from three letters, as a weaker prefix, lower-cased so operators are words', () => {
    expect(luceneQuery('Geochem OR at')).toEqual({ lucene: 'geochem geochem*^0.5 or at', exact: 'geochem or at' });
    expect(luceneQuery('ÜNESCO')).toEqual({ lucene: 'unesco unesco*^0.5', exact: 'unesco' });
    expect(luceneQuery('foo:(').lucene).toBe('foo\\:\\( foo\\:\\(*^0.5');
  });
});

/** A Cypher runner that answers from a script and records what it was asked, with which timeout. */
function fakeWalk(answers: Record<string, (params: Params) => Row[]>, timeoutMs = 1000) {
  const calls: Array<{ name: string; params: Params; timeoutMs?: number }> = [];
  const walk: WalkContext = {
    timeoutMs,
    cypher: {
      read: async (name: string, params: Params = {}, timeout?: number) => {
        calls.push({ name, params, timeoutMs: timeout });
        const answer = answers[name];
        if (!answer) throw new Error(`unexpected statement ${name}`);
        return answer(params);
      },
    },
  };
  return { walk, calls };
}

const entityRow = (uid: string) => {
  const [label, key] = uid.split(':');
  return { eid: `eid-${uid}`, labels: [label, 'Entity'], props: { uid, key, name: key } };
};

describe('neighbourhood bounds, without a database', () => {
  it('asks each step for one more entity than the cap leaves, and reports truncation when it gets it', async () => {
    const { walk, calls } = fakeWalk({
      'entities/by-uids': () => [{ entity: entityRow(CGS) }],
      'traversal/expand': (params) =>
        Array.from({ length: Number(params.take) }, (_, index) => ({ entity: entityRow(`Event:e${index}`), scanned: 10 })),
      'traversal/edges': () => [],
    });
    const result = await neighbourhood(walk, neighbourhoodRequest({ id: CGS, depth: 3, limit: 4 }));
    expect(result.nodes.map((node) => node.entity.uid)).toEqual([CGS, 'Event:e0', 'Event:e1', 'Event:e2']);
    expect(result.truncated).toBe(true);
    const expands = calls.filter((call) => call.name === 'traversal/expand');
    // The cap is reached at distance 1, so no deeper step runs.
    expect(expands).toHaveLength(1);
    expect(expands[0].params).toMatchObject({ take: 4, scanLimit: MAX_STEP_SCAN, seen: ['eid-Organization:cgs'] });
    expect(calls.find((call) => call.name === 'traversal/edges')!.params.limit).toBe(MAX_SUBGRAPH_EDGES + 1);
  });

  it('reports truncation when a step or the edge read hits the relationship scan cap, or the edge cap', async () => {
    const scanCapped = fakeWalk({
      'entities/by-uids': () => [{ entity: entityRow(CGS) }],
      'traversal/expand': () => [{ entity: entityRow('Event:e0'), scanned: MAX_STEP_SCAN }],
      'traversal/edges': () => [],
    });
    expect((await neighbourhood(scanCapped.walk, neighbourhoodRequest({ id: CGS }))).truncated).toBe(true);

    const edgeRow = (index: number) => ({ id: `r${index}`, type: 'ORGANIZED', source: CGS, target: 'Event:e0', props: {} });
    const edgeCapped = fakeWalk({
      'entities/by-uids': () => [{ entity: entityRow(CGS) }],
      'traversal/expand': () => [{ entity: entityRow('Event:e0'), scanned: 1 }],
      'traversal/edges': (params) => Array.from({ length: Number(params.limit) }, (_, index) => edgeRow(index)),
    });
    const result = await neighbourhood(edgeCapped.walk, neighbourhoodRequest({ id: CGS }));
    expect(result.truncated).toBe(true);
    expect(result.edges).toHaveLength(MAX_SUBGRAPH_EDGES);

    const hubEdges = fakeWalk({
      'entities/by-uids': () => [{ entity: entityRow(CGS) }],
      'traversal/expand': () => [{ entity: entityRow('Event:e0'), scanned: 1 }],
      'traversal/edges': () => [{ ...edgeRow(0), capped: true }],
    });
    expect((await neighbourhood(hubEdges.walk, neighbourhoodRequest({ id: CGS }))).truncated).toBe(true);
    expect(hubEdges.calls.find((call) => call.name === 'traversal/edges')!.params.scanPerNode).toBe(MAX_STEP_SCAN);

    const complete = fakeWalk({
      'entities/by-uids': () => [{ entity: entityRow(CGS) }],
      'traversal/expand': () => [{ entity: entityRow('Event:e0'), scanned: 1 }],
      'traversal/edges': () => [edgeRow(0)],
    });
    expect((await neighbourhood(complete.walk, neighbourhoodRequest({ id: CGS }))).truncated).toBe(false);
  });

  it('gives every statement of one operation the time the earlier ones left, never more than the budget', async () => {
    const { walk, calls } = fakeWalk(
      {
        'entities/by-uids': () => [{ entity: entityRow(CGS) }],
        'traversal/expand': () => [{ entity: entityRow('Event:e0'), scanned: 1 }],
        'traversal/edges': () => [],
      },
      750,
    );
    await neighbourhood(walk, neighbourhoodRequest({ id: CGS, depth: 2 }));
    expect(calls.map((call) => call.name)).toEqual(['entities/by-uids', 'traversal/expand', 'traversal/expand', 'traversal/edges']);
    for (const call of calls) {
      expect(call.timeoutMs).toBeGreaterThan(0);
      expect(call.timeoutMs).toBeLessThanOrEqual(750);
    }
  });

  it('reports a statement that runs out of time as QUERY_TIMEOUT with the operation budget', async () => {
    const { walk } = fakeWalk(
      {
        'entities/by-uids': () => [{ entity: entityRow(CGS) }, { entity: entityRow('Country:TH') }],
        'traversal/shortest-path': () => {
          throw new QueryTimeoutError(12);
        },
      },
      2000,
    );
    await expect(shortestPath(walk, pathRequest('shortestPath', { from: CGS, to: 'Country:TH' }))).rejects.toMatchObject({
      extensions: { code: 'QUERY_TIMEOUT', timeoutMs: 2000 },
    });
  });

  it('answers an unknown centre with NOT_FOUND before walking', async () => {
    const { walk, calls } = fakeWalk({ 'entities/by-uids': () => [] });
    await expect(neighbourhood(walk, neighbourhoodRequest({ id: CGS }))).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND', argumentName: 'id' },
    });
    expect(calls).toHaveLength(1);
  });
});

describe('path bounds', () => {
  const cypherDir = path.resolve(__dirname, '..', '..', 'cypher', 'traversal');

  it('bounds the shortest-path patterns by MAX_PATH_LENGTH, the largest maxLength accepted', () => {
    for (const name of ['shortest-path', 'all-shortest-paths']) {
      expect(fs.readFileSync(path.join(cypherDir, `${name}.cypher`), 'utf8')).toContain(`-[*..${MAX_PATH_LENGTH}]-`);
    }
    expect(errorOf(() => pathRequest('connection', { from: CGS, to: CGS, maxLength: MAX_PATH_LENGTH + 1 }))).toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  const pathRow = (uids: string[]) => ({
    nodes: uids.map(entityRow),
    rels: uids.slice(1).map((uid, index) => ({ id: `r${index}`, type: 'MEMBER_OF', start: `eid-${uids[index]}`, props: {} })),
  });

  it('asks for one connecting path more than the limit, to tell whether more exist', async () => {
    const paths = [
      pathRow([CGS, 'Country:CN', 'Organization:ccop', 'Country:TH']),
      pathRow([CGS, 'Event:e1', 'Organization:ccop', 'Country:TH']),
      pathRow([CGS, 'Event:e2', 'Organization:ccop', 'Country:TH']),
    ];
    const { walk, calls } = fakeWalk({
      'entities/by-uids': () => [{ entity: entityRow(CGS) }, { entity: entityRow('Country:TH') }],
      'traversal/all-shortest-paths': (params) => paths.slice(0, Number(params.limit)),
    });
    const capped = await connection(walk, pathRequest('connection', { from: CGS, to: 'Country:TH', maxLength: 3, limit: 2 }));
    expect(calls[1].params).toMatchObject({ from: CGS, to: 'Country:TH', maxLength: 3, limit: 3, types: null });
    expect(capped.paths).toHaveLength(2);
    expect(capped.summary).toBe(
      'cgs and TH are connected by more than 2 shortest paths (the first 2 are listed) of 3 relationships, e.g.: cgs —MEMBER_OF→ CN —MEMBER_OF→ ccop —MEMBER_OF→ TH',
    );
    const all = await connection(walk, pathRequest('connection', { from: CGS, to: 'Country:TH', limit: 3 }));
    expect(all.paths).toHaveLength(3);
    expect(all.summary).toMatch(/^cgs and TH are connected by 3 shortest paths of 3 relationships, e\.g\.: /);
  });
});
