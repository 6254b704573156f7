import http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWTPayload } from 'jose';

export const TEST_ISSUER = 'https://issuer.test.invalid';
export const TEST_AUDIENCE = 'geocoop-graph-test';

/**
 * A token issuer for tests: an ES256 key pair whose public half is served as a JWKS by a real HTTP server on
 * 127.0.0.1, plus a second key pair that the JWKS does not list (a token "signed with an unknown key").
 */
export interface JwtIssuer {
  jwksUrl: string;
  /** The env that points the server at this issuer. */
  env: Record<string, string>;
  sign(claims: JWTPayload, options?: { expiresIn?: string | number; notBefore?: string | number; issuer?: string; audience?: string; unknownKey?: boolean }): Promise<string>;
  /** An `alg: none` token with otherwise valid claims. */
  unsigned(claims: JWTPayload): string;
  close(): Promise<void>;
}

export async function startJwtIssuer(): Promise<JwtIssuer> {
  const known = await generateKeyPair('ES256', { extractable: true });
  const unknown = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(known.publicKey)), kid: 'test-key-1', alg: 'ES256', use: 'sig' };
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const jwksUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/jwks.json`;

  const sign: JwtIssuer['sign'] = (claims, options = {}) => {
    const key: CryptoKey = options.unknownKey ? unknown.privateKey : known.privateKey;
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: options.unknownKey ? 'test-key-2' : 'test-key-1' })
      .setIssuedAt()
      .setIssuer(options.issuer ?? TEST_ISSUER)
      .setAudience(options.audience ?? TEST_AUDIENCE)
      .setExpirationTime(options.expiresIn ?? '5m');
    if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
    return jwt.sign(key);
  };
  return {
    jwksUrl,
    env: { JWT_ISSUER: TEST_ISSUER, JWT_AUDIENCE: TEST_AUDIENCE, JWT_JWKS_URL: jwksUrl },
    sign,
    unsigned: (claims) =>
      new UnsecuredJWT(claims).setIssuedAt().setIssuer(TEST_ISSUER).setAudience(TEST_AUDIENCE).setExpirationTime('5m').encode(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
