import type { RunningServer } from '../../src/server';
import { ensureWebBuilt } from '../helpers/browser';
import { postGraphql, startTestServer } from '../helpers/testServer';

/** The hosted pages over plain HTTP: served with a self-only CSP in development, GraphiQL off in production. */
describe('hosted pages', () => {
  beforeAll(() => ensureWebBuilt());

  describe('in development', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startTestServer({ NODE_ENV: 'development' });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('serves GraphiQL and the explorer with a Content-Security-Policy that allows only the server itself', async () => {
      for (const page of ['/graphiql', '/explore']) {
        const response = await fetch(`${server.url}${page}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('text/html');
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).not.toMatch(/https?:|\*/);
      }
    });

    it('sends a browser that opens /graphql to GraphiQL', async () => {
      const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/graphiql');
    });
  });

  describe('in production', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startTestServer({ NODE_ENV: 'production' });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('turns GraphiQL and introspection off but keeps the explorer', async () => {
      expect((await fetch(`${server.url}/graphiql`)).status).toBe(404);
      expect((await fetch(`${server.url}/explore`)).status).toBe(200);
      const { body } = await postGraphql(server.url, '{ __schema { queryType { name } } }');
      expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });
});
