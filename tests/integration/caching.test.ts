import { createHash } from 'node:crypto';
import http from 'node:http';
import type { RunningServer } from '../../src/server';
import { bearer, issueApiKey } from '../helpers/credentials';
import { postGraphql, startTestServer } from '../helpers/testServer';

/** Automatic persisted queries, cache hints, the response cache for anonymous reads and ETag / 304 for GET. */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function post(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

/**
 * A GET with node:http: fetch adds `Cache-Control: no-cache` to any request carrying `If-None-Match`, which tells
 * the server not to answer from freshness; a browser revalidating what it cached sends no such header.
 */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; etag?: string; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, etag: response.headers.etag, body }));
      })
      .on('error', reject);
  });
}

/** Counts the Cypher statements `work` makes the server send. */
async function statementsDuring<T>(server: RunningServer, work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  let statements = 0;
  const stop = server.database.cypher.observers.observe(() => {
    statements += 1;
  });
  try {
    const result = await work();
    return { result, statements };
  } finally {
    stop();
  }
}

describe('caching on the shared graph', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ RESPONSE_CACHE: 'true' });
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('automatic persisted queries', () => {
    const query = 'query ApqThemes { themes(first: 3) { totalCount } }';
    const persisted = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };

    it('asks for the text of an unknown hash, registers hash and text together, then answers the hash alone (POST and GET)', async () => {
      const unknown = await post(server.url, { extensions: persisted });
      expect(unknown.body.errors).toEqual([expect.objectContaining({ message: 'PersistedQueryNotFound', extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }) })]);

      const registered = await post(server.url, { query, extensions: persisted });
      expect(registered.body.errors).toBeUndefined();
      expect(registered.body.data.themes.totalCount).toBeGreaterThan(0);

      const byHash = await post(server.url, { extensions: persisted });
      expect(byHash.body.data).toEqual(registered.body.data);

      const get = await fetch(`${server.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(persisted))}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(((await get.json()) as any).data).toEqual(registered.body.data);
    });

    it('refuses a hash that does not match the text it came with', async () => {
      const mismatch = await post(server.url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ about { name } }') } } });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.errors).toEqual([{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST', requestId: expect.any(String) } }]);
    });
  });

  describe('cache hints', () => {
    it('lets anyone cache an anonymous query for the default 30 s, and an authenticated one only privately', async () => {
      const anonymous = await postGraphql(server.url, '{ themes(first: 2) { totalCount } }');
      expect(anonymous.headers.get('cache-control')).toBe('max-age=30, public');

      const token = await issueApiKey(server.database, 'editor', 'cache hints viewer');
      const authenticated = await postGraphql(server.url, '{ themes(first: 2) { totalCount } }', {}, bearer(token));
      expect(authenticated.body.errors).toBeUndefined();
      expect(authenticated.headers.get('cache-control')).toBe('max-age=30, private');
    });

    it('lets no one cache an answer with errors, a mutation, or one that reads no data field', async () => {
      const failed = await postGraphql(server.url, '{ organization(key: "cgs") { name } node(id: "not an id") { id } }');
      expect(failed.body.errors?.length).toBeGreaterThan(0);
      expect(failed.headers.get('cache-control')).toBe('no-store');
      const typename = await postGraphql(server.url, '{ __typename }');
      expect(typename.headers.get('cache-control')).toBe('no-store');
      const viaFragment = await postGraphql(server.url, '{ ...about } fragment about on Query { themes(first: 1) { totalCount } }');
      expect(viaFragment.headers.get('cache-control')).toBe('max-age=30, public');
      const skipped = await postGraphql(server.url, 'query($on: Boolean = false) { organization(key: "cgs") @include(if: $on) { name } themes(first: 1) @skip(if: true) { totalCount } }');
      expect(skipped.body.data).toEqual({});
      expect(skipped.headers.get('cache-control')).toBe('no-store');
      const mutation = await postGraphql(server.url, 'mutation { __typename }');
      expect(mutation.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('the response cache', () => {
    it('answers a repeated anonymous query from the cache, without Cypher, with its age', async () => {
      const query = '{ organization(key: "cgs") { name acronym } }';
      const first = await statementsDuring(server, () => postGraphql(server.url, query));
      expect(first.statements).toBeGreaterThan(0);
      expect(first.result.headers.get('age')).toBeNull();

      const second = await statementsDuring(server, () => postGraphql(server.url, query));
      expect(second.statements).toBe(0);
      expect(second.result.headers.get('age')).toMatch(/^\d+$/);
      expect(second.result.body.data).toEqual(first.result.body.data);
      // The cost is still reported for an answer from the cache.
      expect((second.result.body as any).extensions.cost).toEqual((first.result.body as any).extensions.cost);
    });

    it('keys answers by variables, and always runs an authenticated query', async () => {
      const query = 'query Org($key: String) { organization(key: $key) { acronym } }';
      await postGraphql(server.url, query, { key: 'cgs' });
      const other = await statementsDuring(server, () => postGraphql(server.url, query, { key: 'iugs' }));
      expect(other.statements).toBeGreaterThan(0);
      expect(other.result.body.data.organization.acronym).toBe('IUGS');

      const token = await issueApiKey(server.database, 'editor', 'response cache viewer');
      for (let i = 0; i < 2; i += 1) {
        const authenticated = await statementsDuring(server, () => postGraphql(server.url, query, { key: 'cgs' }, bearer(token)));
        expect(authenticated.statements).toBeGreaterThan(0);
      }
    });
  });

  describe('ETag and 304 Not Modified for GET', () => {
    const url = () => `${server.url}/graphql?query=${encodeURIComponent('{ countries(first: 3) { nodes { code } } }')}`;
    const headers = { 'apollo-require-preflight': 'true' };

    it('tags a GET answer and answers 304 without a body when the client already has it', async () => {
      const first = await get(url(), headers);
      expect(first.status).toBe(200);
      expect(first.etag).toMatch(/^W\/".+"$/);

      const again = await get(url(), { ...headers, 'if-none-match': first.etag! });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');

      const stale = await get(url(), { ...headers, 'if-none-match': 'W/"something-else"' });
      expect(stale.status).toBe(200);
      expect(JSON.parse(stale.body).data.countries.nodes).toHaveLength(3);
    });
  });
});
