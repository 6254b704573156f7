import { ConfigError } from '../../src/config';
import type { RunningServer } from '../../src/server';
import { testConfig } from '../helpers/testConfig';
import { startTestServer } from '../helpers/testServer';

const DASHBOARD = 'https://dash.example.org';
const STRANGER = 'https://evil.example.com';

/** A browser's preflight, as Chromium sends it before a JSON POST with an authorization header. */
function preflight(url: string, origin: string): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,authorization,x-request-id',
    },
  });
}

function crossOriginPost(url: string, origin: string): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', 'x-request-id': 'cors-test-1' },
    body: JSON.stringify({ query: '{ about { name } }' }),
  });
}

describe('CORS with an allow-list of origins', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer({ CORS_ORIGINS: `${DASHBOARD}, http://localhost:5173` });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers the preflight of an allowed origin with its origin, methods, headers and max age', async () => {
    const response = await preflight(server.url, DASHBOARD);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type,authorization,apollo-require-preflight,x-request-id');
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(response.headers.get('vary')).toMatch(/origin/i);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets an allowed origin read the answer and its request id', async () => {
    const response = await crossOriginPost(server.url, DASHBOARD);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(response.headers.get('access-control-expose-headers')).toBe('x-request-id');
    expect(response.headers.get('x-request-id')).toBe('cors-test-1');
    expect((await response.json()).data.about.name).toBeTruthy();
  });

  it('gives an origin off the list no CORS header, on the preflight or the request', async () => {
    const pre = await preflight(server.url, STRANGER);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const post = await crossOriginPost(server.url, STRANGER);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    expect(post.headers.get('access-control-expose-headers')).toBeNull();
  });

  it('treats origins as exact: another scheme or port of an allowed host is another origin', async () => {
    for (const origin of ['http://dash.example.org', 'https://dash.example.org:8443', 'http://localhost:5174']) {
      const response = await preflight(server.url, origin);
      expect({ origin, allowed: response.headers.get('access-control-allow-origin') }).toEqual({ origin, allowed: null });
    }
  });
});

describe('CORS configuration', () => {
  it('allows no origin by default', async () => {
    const server = await startTestServer();
    try {
      const response = await preflight(server.url, DASHBOARD);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.stop();
    }
  });

  it('sends Access-Control-Allow-Credentials only when CORS_CREDENTIALS=true', async () => {
    const server = await startTestServer({ CORS_ORIGINS: DASHBOARD, CORS_CREDENTIALS: 'true' });
    try {
      const response = await preflight(server.url, DASHBOARD);
      expect(response.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    } finally {
      await server.stop();
    }
  });

  it('refuses an entry that is not an origin, naming CORS_ORIGINS', () => {
    for (const bad of ['dash.example.org', 'https://dash.example.org/app', 'ftp://dash.example.org', '*']) {
      expect(() => testConfig({ CORS_ORIGINS: bad })).toThrow(ConfigError);
      expect(() => testConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
    }
  });
});
