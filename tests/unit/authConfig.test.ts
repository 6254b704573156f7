import { ConfigError, loadConfig } from '../../src/config';

/** The JWT and key-cache settings of src/config.ts: JWT is off unless configured completely. */
const jwt = { JWT_ISSUER: 'https://id.example.org', JWT_AUDIENCE: 'geocoop-graph', JWT_JWKS_URL: 'https://id.example.org/jwks.json' };

test('without JWT settings, JWT is off and verified keys are cached for 30 s', () => {
  expect(loadConfig({}, '/repo').auth).toEqual({ apiKeyCacheTtlMs: 30_000, jwt: undefined });
});

test('a complete JWT configuration gets the roles claim and algorithm defaults', () => {
  expect(loadConfig(jwt, '/repo').auth.jwt).toEqual({
    issuer: 'https://id.example.org',
    audience: 'geocoop-graph',
    jwks: { url: 'https://id.example.org/jwks.json' },
    rolesClaim: 'roles',
    algorithms: ['RS256', 'ES256', 'EdDSA'],
  });
});

test('a JWKS file is resolved from the repository root', () => {
  const { JWT_JWKS_URL: _url, ...rest } = jwt;
  expect(loadConfig({ ...rest, JWT_JWKS_FILE: 'config/jwks.json' }, '/repo').auth.jwt?.jwks).toEqual({ file: '/repo/config/jwks.json' });
});

test.each([
  ['an issuer without an audience', { JWT_ISSUER: 'https://id.example.org', JWT_JWKS_URL: jwt.JWT_JWKS_URL }, /JWT_ISSUER and JWT_AUDIENCE/],
  ['no JWKS source', { JWT_ISSUER: jwt.JWT_ISSUER, JWT_AUDIENCE: jwt.JWT_AUDIENCE }, /exactly one of JWT_JWKS_URL and JWT_JWKS_FILE/],
  ['both JWKS sources', { ...jwt, JWT_JWKS_FILE: 'jwks.json' }, /exactly one of JWT_JWKS_URL and JWT_JWKS_FILE/],
  ['a JWKS URL that is not http(s)', { ...jwt, JWT_JWKS_URL: 'file:///etc/jwks.json' }, /JWT_JWKS_URL/],
  ['the none algorithm', { ...jwt, JWT_ALGORITHMS: 'ES256,none' }, /JWT_ALGORITHMS lists "none"/],
  ['an HMAC algorithm', { ...jwt, JWT_ALGORITHMS: 'HS256' }, /JWT_ALGORITHMS lists "HS256"/],
  ['a negative key cache time', { API_KEY_CACHE_TTL_MS: '-1' }, /API_KEY_CACHE_TTL_MS/],
])('%s is a configuration error naming the variable', (_what, env, message) => {
  expect(() => loadConfig(env, '/repo')).toThrow(ConfigError);
  expect(() => loadConfig(env, '/repo')).toThrow(message);
});

test('JWT_ALGORITHMS narrows the accepted algorithms', () => {
  expect(loadConfig({ ...jwt, JWT_ALGORITHMS: 'EdDSA, ES256' }, '/repo').auth.jwt?.algorithms).toEqual(['EdDSA', 'ES256']);
});
