import { createHash } from 'node:crypto';
import { ApiKeyStore } from '../../src/auth/apiKeyStore';
import { ApiKeyVerifier } from '../../src/auth/apiKeyVerifier';
import type { RunningServer } from '../../src/server';
import { bearer, issueApiKey } from '../helpers/credentials';
import { startJwtIssuer, type JwtIssuer } from '../helpers/jwtIssuer';
import { postGraphql, startTestServer } from '../helpers/testServer';

/**
 * Who may write, over real HTTP against the test Neo4j: API keys and JWTs (verified against a JWKS served on
 * 127.0.0.1), the 401/403 codes and their challenge, and the admin key operations.
 */
let server: RunningServer;
let issuer: JwtIssuer;
let adminKey: string;
let editorKey: string;

const CHALLENGE = 'Bearer realm="geocoop-graph"';
const INVALID_TOKEN = 'Bearer realm="geocoop-graph", error="invalid_token"';

const API_KEYS = 'query Keys($first: Int, $after: String) { apiKeys(first: $first, after: $after) { totalCount edges { cursor node { id name role createdAt createdBy revokedAt } } pageInfo { hasNextPage endCursor } } }';
const CREATE = 'mutation Create($input: CreateApiKeyInput!) { createApiKey(input: $input) { key clientMutationId apiKey { id name role createdAt revokedAt } userErrors { field code message } } }';
const REVOKE = 'mutation Revoke($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { clientMutationId apiKey { id revokedAt } userErrors { field code message } } }';
const ABOUT = '{ about { name } }';

const nowSeconds = () => Math.floor(Date.now() / 1000);

function codeOf(response: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }): unknown {
  return response.body.errors?.[0]?.extensions?.code;
}

async function apiKeyNode(id: string): Promise<Record<string, unknown>> {
  const { records } = await server.database.driver.executeQuery('MATCH (k:ApiKey {id: $id}) RETURN properties(k) AS props, labels(k) AS labels', { id });
  return { ...(records[0].get('props') as Record<string, unknown>), labels: records[0].get('labels') };
}

beforeAll(async () => {
  issuer = await startJwtIssuer();
  server = await startTestServer({ ...issuer.env, API_KEY_CACHE_TTL_MS: '0' });
  adminKey = await issueApiKey(server.database, 'admin', 'auth test admin');
  editorKey = await issueApiKey(server.database, 'editor', 'auth test editor');
});

afterAll(async () => {
  await server?.stop();
  await issuer?.close();
});

describe('without credentials', () => {
  test('a read is answered: reads stay public', async () => {
    const response = await postGraphql(server.url, ABOUT);
    expect(response.status).toBe(200);
    expect(response.body.data.about.name).toBe('GeoCoop Graph');
  });

  test('an admin query is UNAUTHENTICATED with HTTP 401 and a Bearer challenge, and no stack trace', async () => {
    const response = await postGraphql(server.url, API_KEYS);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(CHALLENGE);
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(response.body)).not.toMatch(/stacktrace|\.ts:\d+/);
  });
});

describe('API keys', () => {
  test('an editor key on createApiKey is FORBIDDEN with HTTP 403 and creates nothing', async () => {
    const before = await postGraphql(server.url, API_KEYS, { first: 1 }, bearer(adminKey));
    const response = await postGraphql(server.url, CREATE, { input: { name: 'not allowed', role: 'EDITOR' } }, bearer(editorKey));
    expect(response.status).toBe(403);
    expect(codeOf(response)).toBe('FORBIDDEN');
    const after = await postGraphql(server.url, API_KEYS, { first: 1 }, bearer(adminKey));
    expect(after.body.data.apiKeys.totalCount).toBe(before.body.data.apiKeys.totalCount);
  });

  test('an admin creates a key that works at once, lists it, revokes it, and the revoked key is then refused with 401', async () => {
    const created = await postGraphql(server.url, CREATE, { input: { name: 'survey importer', role: 'EDITOR', clientMutationId: 'c-1' } }, bearer(adminKey));
    expect(created.status).toBe(200);
    const payload = created.body.data.createApiKey;
    expect(payload).toMatchObject({ clientMutationId: 'c-1', userErrors: [], apiKey: { name: 'survey importer', role: 'EDITOR', revokedAt: null } });
    expect(payload.key).toMatch(new RegExp(`^gcg_${payload.apiKey.id}_[A-Za-z0-9_-]{43}$`));

    // The new editor key authenticates: it reads, and it is refused the admin list as FORBIDDEN, not UNAUTHENTICATED.
    expect((await postGraphql(server.url, ABOUT, {}, bearer(payload.key))).status).toBe(200);
    expect(codeOf(await postGraphql(server.url, API_KEYS, {}, bearer(payload.key)))).toBe('FORBIDDEN');

    const listed = await postGraphql(server.url, API_KEYS, { first: 100 }, bearer(adminKey));
    const entry = listed.body.data.apiKeys.edges.find((edge: { node: { id: string } }) => edge.node.id === payload.apiKey.id);
    expect(entry.node).toMatchObject({ name: 'survey importer', role: 'EDITOR', revokedAt: null });
    expect(entry.node.createdBy).toMatch(/^key:[0-9a-f]{16}$/);

    const revoked = await postGraphql(server.url, REVOKE, { input: { id: payload.apiKey.id, clientMutationId: 'r-1' } }, bearer(adminKey));
    expect(revoked.body.data.revokeApiKey).toMatchObject({ clientMutationId: 'r-1', userErrors: [], apiKey: { id: payload.apiKey.id } });
    expect(Date.parse(revoked.body.data.revokeApiKey.apiKey.revokedAt)).not.toBeNaN();

    const refused = await postGraphql(server.url, ABOUT, {}, bearer(payload.key));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe(INVALID_TOKEN);
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.body.errors?.[0].message).toMatch(/revoked/);
  });

  test('the plaintext key is never stored: the ApiKey node holds a SHA-256 hash and is not an Entity', async () => {
    const created = await postGraphql(server.url, CREATE, { input: { name: 'hash check', role: 'ADMIN' } }, bearer(adminKey));
    const { key, apiKey } = created.body.data.createApiKey;
    const secret = (key as string).slice(`gcg_${apiKey.id}_`.length);
    const stored = await apiKeyNode(apiKey.id);
    expect(stored.labels).toEqual(['ApiKey']);
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(stored).toMatchObject({ name: 'hash check', role: 'admin' });
    expect(stored).not.toHaveProperty('revokedAt');
  });

  test('keys never appear in entity reads: a search for a key name finds nothing', async () => {
    await postGraphql(server.url, CREATE, { input: { name: 'Quuxfrobnicator', role: 'EDITOR' } }, bearer(adminKey));
    const response = await postGraphql(server.url, '{ search(query: "Quuxfrobnicator") { totalCount } }');
    expect(response.body.data.search.totalCount).toBe(0);
  });

  test('apiKeys pages in creation order with cursors that continue where the last page ended', async () => {
    const first = await postGraphql(server.url, API_KEYS, { first: 1 }, bearer(adminKey));
    const second = await postGraphql(server.url, API_KEYS, { first: 1, after: first.body.data.apiKeys.pageInfo.endCursor }, bearer(adminKey));
    const all = await postGraphql(server.url, API_KEYS, { first: 2 }, bearer(adminKey));
    expect(first.body.data.apiKeys.pageInfo.hasNextPage).toBe(true);
    expect([first, second].map((page) => page.body.data.apiKeys.edges[0].node.id)).toEqual(
      all.body.data.apiKeys.edges.map((edge: { node: { id: string } }) => edge.node.id),
    );
  });

  test('a cursor that apiKeys did not make is BAD_USER_INPUT', async () => {
    const response = await postGraphql(server.url, API_KEYS, { after: 'bm90LWEtY3Vyc29y' }, bearer(adminKey));
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0].extensions?.argumentName).toBe('after');
  });

  test.each([
    ['an empty name', '  ', 'BLANK'],
    ['a name with control characters', 'bad\u0007name', 'CONTROL_CHARACTERS'],
    ['a name over its maximum length', 'n'.repeat(101), 'TOO_LONG'],
  ])('createApiKey with %s returns a user error on input.name and creates no key', async (_what, name, code) => {
    const before = (await postGraphql(server.url, API_KEYS, { first: 0 }, bearer(adminKey))).body.data.apiKeys.totalCount;
    const response = await postGraphql(server.url, CREATE, { input: { name, role: 'EDITOR' } }, bearer(adminKey));
    expect(response.body.data.createApiKey).toMatchObject({ key: null, apiKey: null, userErrors: [{ field: ['name'], code }] });
    const after = (await postGraphql(server.url, API_KEYS, { first: 0 }, bearer(adminKey))).body.data.apiKeys.totalCount;
    expect(after).toBe(before);
  });

  test('revoking a key id that does not exist is a NOT_FOUND user error on input.id', async () => {
    const response = await postGraphql(server.url, REVOKE, { input: { id: '0000000000000000' } }, bearer(adminKey));
    expect(response.body.data.revokeApiKey).toMatchObject({ apiKey: null, userErrors: [{ field: ['id'], code: 'NOT_FOUND' }] });
  });

  test.each([
    ['an unknown key id', () => 'gcg_0123456789abcdef_' + 'A'.repeat(43)],
    ['a known key id with a wrong secret', () => adminKey.slice(0, -4) + 'AAAA'],
    ['a key of the wrong shape', () => 'gcg_short'],
    ['a token that is neither a key nor a JWT', () => 'opaque-token'],
  ])('%s is UNAUTHENTICATED with invalid_token, even on a read', async (_what, token) => {
    const response = await postGraphql(server.url, ABOUT, {}, bearer(token()));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(INVALID_TOKEN);
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
  });

  test.each([
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['Bearer without a token', 'Bearer'],
    ['a token with spaces', 'Bearer two words'],
  ])('an Authorization header with %s is UNAUTHENTICATED', async (_what, header) => {
    const response = await postGraphql(server.url, ABOUT, {}, { authorization: header });
    expect(response.status).toBe(401);
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
  });
});

describe('the verified-key cache', () => {
  test('a key revoked elsewhere keeps working until its cache entry expires, then is refused', async () => {
    let now = 1_000_000;
    const store = new ApiKeyStore(server.database.cypher);
    const verifier = new ApiKeyVerifier(store, 30_000, () => now);
    const { token, apiKey } = await store.create({ name: 'cache check', role: 'editor', createdBy: 'test' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: `key:${apiKey.id}`, role: 'editor', via: 'api-key' });
    await store.revoke(apiKey.id, 'test');
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: `key:${apiKey.id}` });
    now += 30_001;
    await expect(verifier.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  test('a cached key with a wrong secret is still refused', async () => {
    const store = new ApiKeyStore(server.database.cypher);
    const verifier = new ApiKeyVerifier(store, 30_000);
    const { token } = await store.create({ name: 'cache secret check', role: 'editor', createdBy: 'test' });
    await verifier.verify(token);
    await expect(verifier.verify(token.slice(0, -4) + 'AAAA')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  test('a burst of requests with one key not yet cached reads and marks the key once, and each gets its principal', async () => {
    const store = new ApiKeyStore(server.database.cypher);
    const verifier = new ApiKeyVerifier(store, 30_000);
    const { token, apiKey } = await store.create({ name: 'burst check', role: 'editor', createdBy: 'test' });
    const reads = jest.spyOn(store, 'toVerify');
    const marks = jest.spyOn(store, 'markUsed');
    const principals = await Promise.all(Array.from({ length: 10 }, () => verifier.verify(token)));
    expect(principals.map((principal) => principal.id)).toEqual(Array(10).fill(`key:${apiKey.id}`));
    expect(reads).toHaveBeenCalledTimes(1);
    expect(marks).toHaveBeenCalledTimes(1);
    await expect(verifier.verify(token.slice(0, -4) + 'AAAA')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  test('using a key records when it was last used', async () => {
    const store = new ApiKeyStore(server.database.cypher);
    const { token, apiKey } = await store.create({ name: 'last used check', role: 'editor', createdBy: 'test' });
    expect(await apiKeyNode(apiKey.id)).not.toHaveProperty('lastUsedAt');
    await postGraphql(server.url, ABOUT, {}, bearer(token));
    expect((await apiKeyNode(apiKey.id)).lastUsedAt).toBeDefined();
  });
});

describe('JWT', () => {
  test('a valid token with the editor role gets past authentication and is refused admin work as FORBIDDEN', async () => {
    const token = await issuer.sign({ sub: 'ana', roles: ['editor'] });
    expect((await postGraphql(server.url, ABOUT, {}, bearer(token))).status).toBe(200);
    const response = await postGraphql(server.url, API_KEYS, {}, bearer(token));
    expect(response.status).toBe(403);
    expect(codeOf(response)).toBe('FORBIDDEN');
  });

  test('a valid token with the admin role (as a plain string claim) may create keys, recorded as jwt:<iss>#<sub>', async () => {
    const token = await issuer.sign({ sub: 'root-admin', roles: 'admin' });
    const response = await postGraphql(server.url, CREATE, { input: { name: 'made by jwt', role: 'EDITOR' } }, bearer(token));
    expect(response.body.data.createApiKey.userErrors).toEqual([]);
    const stored = await apiKeyNode(response.body.data.createApiKey.apiKey.id);
    expect(stored.createdBy).toBe('jwt:https://issuer.test.invalid#root-admin');
  });

  test('a valid token without a known role may read and is FORBIDDEN to write', async () => {
    const token = await issuer.sign({ sub: 'reader', roles: ['viewer'] });
    expect((await postGraphql(server.url, ABOUT, {}, bearer(token))).status).toBe(200);
    expect(codeOf(await postGraphql(server.url, CREATE, { input: { name: 'x', role: 'EDITOR' } }, bearer(token)))).toBe('FORBIDDEN');
  });

  test.each([
    ['expired', () => issuer.sign({ sub: 'a', roles: ['admin'] }, { expiresIn: nowSeconds() - 600 }), /expired/],
    ['not yet valid (nbf)', () => issuer.sign({ sub: 'a', roles: ['admin'] }, { notBefore: nowSeconds() + 600 }), /not valid yet/],
    ['for another audience', () => issuer.sign({ sub: 'a', roles: ['admin'] }, { audience: 'someone-else' }), /audience/],
    ['from another issuer', () => issuer.sign({ sub: 'a', roles: ['admin'] }, { issuer: 'https://evil.invalid' }), /issuer/],
    ['signed with an unknown key', () => issuer.sign({ sub: 'a', roles: ['admin'] }, { unknownKey: true }), /key this server does not know/],
    ['unsigned (alg: none)', async () => issuer.unsigned({ sub: 'a', roles: ['admin'] }), /algorithm/],
    ['without a subject', () => issuer.sign({ roles: ['admin'] }), /"sub"/],
  ])('a token %s is UNAUTHENTICATED (401, invalid_token) with a message saying why', async (_what, token, why) => {
    const response = await postGraphql(server.url, API_KEYS, {}, bearer(await token()));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(INVALID_TOKEN);
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
    expect(response.body.errors?.[0].message).toMatch(why);
    expect(response.body.data).toBeUndefined();
    expect(Object.keys(response.body.errors?.[0].extensions ?? {})).toEqual(['code']);
  });

  test('a token with a forged signature is UNAUTHENTICATED', async () => {
    const token = await issuer.sign({ sub: 'a', roles: ['editor'] });
    const [header, , signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'a', roles: ['admin'], iss: 'https://issuer.test.invalid', aud: 'geocoop-graph-test', exp: nowSeconds() + 300 })).toString('base64url');
    const response = await postGraphql(server.url, API_KEYS, {}, bearer(`${header}.${forgedPayload}.${signature}`));
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0].message).toMatch(/signature/);
  });
});
