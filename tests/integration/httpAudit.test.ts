import { auditServer, type AuditResult } from 'graphql-http';
import type { RunningServer } from '../../src/server';
import { startTestServer } from '../helpers/testServer';

/**
 * graphql-http's audit of the GraphQL-over-HTTP spec against our real server: every MUST holds, and so do the
 * SHOULDs about status codes (200 to clients that accept only application/json, 4xx with
 * application/graphql-response+json). The full result is printed; README "GraphQL over HTTP" says which SHOULDs
 * and MAYs are left out and why.
 */
/** The SHOULDs about the status code of an error, for each media type the client accepts. */
const isStatusCodeShould = (name: string) => name.startsWith('SHOULD') && /status code/.test(name) && /when accepting application\//.test(name);

/** The audits that query `__type`: with introspection off (production's default) they cannot pass. */
const INTROSPECTION_MUSTS = ['MUST accept utf-8 encoded request', 'MUST allow map {variables} parameter when accepting application/json'];

async function runAudit(url: string, label: string): Promise<AuditResult[]> {
  const results = await auditServer({ url: `${url}/graphql` });
  const lines = results.map((r) => `${r.status.padEnd(6)} ${r.name}${r.status === 'ok' ? '' : ` — ${r.reason}`}`);
  const passed = results.filter((r) => r.status === 'ok').length;
  console.log(`graphql-http audit, ${label}: ${passed} of ${results.length} ok\n${lines.join('\n')}`);
  return results;
}

const failedMusts = (results: AuditResult[]) => results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok').map((r) => r.name);

describe.each([
  ['NODE_ENV=development', { NODE_ENV: 'development' }],
  ['NODE_ENV=production with introspection on (GRAPHIQL_ENABLED=true)', { NODE_ENV: 'production', GRAPHIQL_ENABLED: 'true' }],
])('the GraphQL-over-HTTP audit (%s)', (label, env) => {
  let server: RunningServer;
  let results: AuditResult[];

  beforeAll(async () => {
    server = await startTestServer(env);
    results = await runAudit(server.url, label);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('passes every MUST', () => {
    expect(results.length).toBeGreaterThan(40);
    expect(failedMusts(results)).toEqual([]);
  });

  it('passes the SHOULDs about status codes for application/json and application/graphql-response+json', () => {
    const statusShoulds = results.filter((r) => isStatusCodeShould(r.name));
    expect(statusShoulds.length).toBeGreaterThanOrEqual(9);
    expect(statusShoulds.filter((r) => r.status !== 'ok').map((r) => r.name)).toEqual([]);
  });
});

describe('the GraphQL-over-HTTP audit (NODE_ENV=production, introspection off as by default)', () => {
  let server: RunningServer;
  let results: AuditResult[];

  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: 'production' });
    results = await runAudit(server.url, 'NODE_ENV=production, introspection off');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('fails only the MUSTs whose audit request is an introspection query', () => {
    expect(failedMusts(results).sort()).toEqual([...INTROSPECTION_MUSTS].sort());
  });

  it('still passes every status-code SHOULD', () => {
    expect(results.filter((r) => isStatusCodeShould(r.name) && r.status !== 'ok').map((r) => r.name)).toEqual([]);
  });
});

describe('GET, CSRF prevention and batching', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const getUrl = (query: string, variables?: Record<string, unknown>) =>
    `${server.url}/graphql?query=${encodeURIComponent(query)}${variables ? `&variables=${encodeURIComponent(JSON.stringify(variables))}` : ''}`;

  it('answers a query over GET when the client sends a header a cross-site form cannot (apollo-require-preflight)', async () => {
    const response = await fetch(getUrl('query($n: Int) { countries(first: $n) { nodes { name } } }', { n: 2 }), {
      headers: { 'apollo-require-preflight': 'true', accept: 'application/graphql-response+json' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect((await response.json()).data.countries.nodes).toHaveLength(2);
  });

  it('refuses a plain GET, as a cross-site page could send it, with 400 and a JSON error', async () => {
    const response = await fetch(getUrl('{ about { name } }'), { headers: { accept: 'application/json' } });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses a batch of operations in one POST (batching is off)', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ about { name } }' }, { query: '{ about { name } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('answers a parse error with 200 to a client that accepts only application/json and 400 to one that accepts graphql-response+json', async () => {
    const send = (accept: string) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query: '{ about {' }) });
    const legacy = await send('application/json');
    expect(legacy.status).toBe(200);
    expect((await legacy.json()).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const modern = await send('application/graphql-response+json, application/json;q=0.9');
    expect(modern.status).toBe(400);
    expect(modern.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
  });

  it('answers a cost refusal with 200 to a client that accepts only application/json', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ organizations(first: 100) { nodes { relationships(first: 100) { nodes { node { label } } } } } }' }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });
});
