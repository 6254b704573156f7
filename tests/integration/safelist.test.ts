import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse, print } from 'graphql';
import type { RunningServer } from '../../src/server';
import { EXPLORER_OPERATIONS } from '../../web/explorer/src/operations';
import { tempDataDir } from '../helpers/testNeo4j';
import { postGraphql, startTestServer } from '../helpers/testServer';

/**
 * Safelist mode (OPERATIONS_SAFELIST): only the operations of our own pages (the manifest `npm run build:web`
 * builds from the explorer and GraphiQL) and of the operator's manifest run; anything else is refused, coded.
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const OPERATOR_QUERY = 'query OperatorThemes { themes(first: 5) { totalCount } }';
const GRAPHIQL_EXAMPLE = 'query Themes { themes(first: 20) { edges { node { name lists } } } }';

describe('safelist mode', () => {
  let server: RunningServer;
  const dir = tempDataDir('safelist');
  beforeAll(async () => {
    fs.mkdirSync(dir, { recursive: true });
    const operatorFile = path.join(dir, 'operator-operations.json');
    fs.writeFileSync(operatorFile, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha256(OPERATOR_QUERY), name: 'OperatorThemes', type: 'query', body: OPERATOR_QUERY }] }));
    server = await startTestServer({ OPERATIONS_SAFELIST: operatorFile });
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs the explorer’s own operations as the explorer sends them', async () => {
    const search = await postGraphql(server.url, EXPLORER_OPERATIONS.Search, { query: 'geological', first: 3 });
    expect(search.body.errors).toBeUndefined();
    expect(search.body.data.search.totalCount).toBeGreaterThan(0);
  });

  it('runs a GraphiQL example as its tab shows it (pretty-printed, under a comment), and the operator’s operation', async () => {
    const tab = `# The eight project themes and the six focus areas\n${print(parse(GRAPHIQL_EXAMPLE))}\n`;
    const example = await postGraphql(server.url, tab);
    expect(example.body.errors).toBeUndefined();
    expect(example.body.data.themes.edges.length).toBeGreaterThan(0);

    const operator = await postGraphql(server.url, OPERATOR_QUERY);
    expect(operator.body.data.themes.totalCount).toBeGreaterThan(0);
  });

  it('refuses any other operation with OPERATION_NOT_SAFELISTED and HTTP 400, before any Cypher runs', async () => {
    let statements = 0;
    const stop = server.database.cypher.observers.observe(() => {
      statements += 1;
    });
    try {
      const edited = await postGraphql(server.url, 'query Themes { themes(first: 20) { edges { node { name lists key } } } }');
      expect(edited.status).toBe(400);
      expect(edited.body.data).toBeUndefined();
      expect(edited.body.errors).toEqual([{ message: expect.stringContaining('safelist'), extensions: { code: 'OPERATION_NOT_SAFELISTED', requestId: expect.any(String) } }]);
      expect(statements).toBe(0);
    } finally {
      stop();
    }
  });

  it('answers a listed operation by its hash alone, and never registers an unlisted one', async () => {
    const byHash = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variables: { query: 'ccop', first: 2 }, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(EXPLORER_OPERATIONS.Search) } } }),
    });
    expect(((await byHash.json()) as any).data.search.totalCount).toBeGreaterThan(0);

    const unlisted = '{ about { name } }';
    const persisted = { persistedQuery: { version: 1, sha256Hash: sha256(unlisted) } };
    const register = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: unlisted, extensions: persisted }) });
    expect(((await register.json()) as any).errors[0].extensions.code).toBe('OPERATION_NOT_SAFELISTED');
    const after = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ extensions: persisted }) });
    expect(((await after.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
