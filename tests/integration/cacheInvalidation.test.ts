import { loadConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { bearer, issueApiKey } from '../helpers/credentials';
import { startOwnGraph, type OwnGraph } from '../helpers/ownGraph';
import { REPO_ROOT } from '../helpers/testNeo4j';
import { postGraphql } from '../helpers/testServer';

/**
 * Cached answers and writes, on a graph of its own with two servers over it (two replicas): a mutation empties
 * the cache of the server that ran it before it answers; the other server sees the change feed move and
 * empties its own within one poll.
 */

const CGS_SOURCE = { source: 'cgs-intl-exchange', quote: 'CGS has signed cooperation agreements with 36 countries', confidence: 'HIGH' };
const READ = '{ organization(key: "cgs") { id version website } }';
const UPDATE = `mutation Update($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) { organization { version website } userErrors { code message } }
}`;

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('the response cache under writes', () => {
  let graph: OwnGraph;
  let replica: RunningServer;
  let editorToken: string;

  beforeAll(async () => {
    graph = await startOwnGraph('cache-invalidation', { CHANGE_FEED_POLL_MS: '200' });
    replica = await startServer(
      loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', NEO4J_URI: graph.server.config.neo4j.uri, QUERY_TIMEOUT_MS: '30000', CHANGE_FEED_POLL_MS: '200' }, REPO_ROOT),
    );
    editorToken = await issueApiKey(graph.server.database, 'editor', 'cache invalidation editor');
  }, 300_000);
  afterAll(async () => {
    await replica?.stop();
    await graph?.stop();
  });

  async function updateWebsite(website: string) {
    const before = await postGraphql(graph.server.url, READ, {}, bearer(editorToken));
    const { id, version } = before.body.data.organization;
    const result = await postGraphql(graph.server.url, UPDATE, { input: { id, expectedVersion: version, set: { website }, provenance: CGS_SOURCE } }, bearer(editorToken));
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.updateOrganization.userErrors).toEqual([]);
    expect(result.headers.get('cache-control')).toBe('no-store');
    return result.body.data.updateOrganization.organization;
  }

  it('answers the read from the cache until a mutation on the same server, then reads the new value', async () => {
    const first = await postGraphql(graph.server.url, READ);
    const cached = await postGraphql(graph.server.url, READ);
    expect(cached.headers.get('age')).not.toBeNull();
    expect(cached.body.data).toEqual(first.body.data);

    const updated = await updateWebsite('https://www.cgs.gov.cn/cache-test-1');
    expect(graph.server.responseCache!.entries).toBe(0);

    const after = await postGraphql(graph.server.url, READ);
    expect(after.headers.get('age')).toBeNull();
    expect(after.body.data.organization).toMatchObject({ website: 'https://www.cgs.gov.cn/cache-test-1', version: updated.version });
  });

  it('drops the other replica’s cached answer once the change feed moves', async () => {
    // The replica may still be about to see the first test's write in the feed (its poll can lag on a loaded
    // machine) and empty its cache once more: wait until a repeated read is answered from its cache.
    let cached = await postGraphql(replica.url, READ);
    const cachedOnce = await waitFor(async () => {
      cached = await postGraphql(replica.url, READ);
      return cached.headers.get('age') !== null;
    }, 10_000);
    expect(cachedOnce).toBe(true);
    const stale = cached.body.data.organization.website;

    await updateWebsite('https://www.cgs.gov.cn/cache-test-2');
    const seen = await waitFor(async () => (await postGraphql(replica.url, READ)).body.data.organization.website === 'https://www.cgs.gov.cn/cache-test-2', 5_000);
    expect(stale).not.toBe('https://www.cgs.gov.cn/cache-test-2');
    expect(seen).toBe(true);
  });
});
