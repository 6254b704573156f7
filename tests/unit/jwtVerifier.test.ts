import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { JwtVerifier } from '../../src/auth/jwtVerifier';
import { ConfigError, type JwtConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

/** JWT verification against a local JWKS file (JWT_JWKS_FILE): principals, roles claims and algorithms. */
let privateKey: CryptoKey;
let config: JwtConfig;
const logger = createLogger({ logLevel: 'silent' });

beforeAll(async () => {
  const pair = await generateKeyPair('EdDSA', { extractable: true });
  privateKey = pair.privateKey;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jwks-'));
  const file = path.join(dir, 'jwks.json');
  fs.writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1' }] }));
  config = { issuer: 'https://id.example.org', audience: 'geocoop-graph', jwks: { file }, rolesClaim: 'roles', algorithms: ['EdDSA'] };
});

function token(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
    .setIssuer('https://id.example.org')
    .setAudience('geocoop-graph')
    .setSubject('u-42')
    .setExpirationTime('5m')
    .sign(privateKey);
}

test('a valid token names the principal jwt:<iss>#<sub> with its display name and strongest role', async () => {
  const verifier = JwtVerifier.fromConfig(config, logger);
  await expect(verifier.verify(await token({ name: 'Ana Lima', roles: ['editor', 'admin'] }))).resolves.toEqual({
    kind: 'principal',
    id: 'jwt:https://id.example.org#u-42',
    name: 'Ana Lima',
    role: 'admin',
    via: 'jwt',
  });
});

test('the roles claim may be a space-separated string under a configured name', async () => {
  const verifier = JwtVerifier.fromConfig({ ...config, rolesClaim: 'geocoop_roles' }, logger);
  await expect(verifier.verify(await token({ geocoop_roles: 'reader editor' }))).resolves.toMatchObject({ kind: 'principal', role: 'editor', name: 'u-42' });
});

test('a token without editor or admin is a roleless principal', async () => {
  const verifier = JwtVerifier.fromConfig(config, logger);
  await expect(verifier.verify(await token({ roles: ['reader'] }))).resolves.toEqual({ kind: 'roleless', id: 'jwt:https://id.example.org#u-42', name: 'u-42', via: 'jwt' });
});

test('a token signed with an algorithm outside the configured list is refused', async () => {
  const verifier = JwtVerifier.fromConfig({ ...config, algorithms: ['ES256'] }, logger);
  await expect(verifier.verify(await token({ roles: ['admin'] }))).rejects.toMatchObject({
    message: expect.stringMatching(/algorithm is not accepted/),
    extensions: { code: 'UNAUTHENTICATED' },
  });
});

test('a JWKS file that is not a JWKS stops start-up with a configuration error', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jwks-')), 'broken.json');
  fs.writeFileSync(file, '{"keys": "none"}');
  expect(() => JwtVerifier.fromConfig({ ...config, jwks: { file } }, logger)).toThrow(ConfigError);
});
