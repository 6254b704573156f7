import { invalidCredentials } from './credentialErrors';
import type { ApiKeyVerifier } from './apiKeyVerifier';
import { looksLikeApiKey } from './apiKeyToken';
import type { JwtVerifier } from './jwtVerifier';
import { ANONYMOUS, type Viewer } from './viewer';

export interface Authenticators {
  apiKeys: ApiKeyVerifier;
  /** Absent when JWT is not configured. */
  jwt?: JwtVerifier;
}

// RFC 6750 §2.1: `Bearer` (any case), one space, a token68. A regex, not a library: that is the whole grammar.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
const JWT_SHAPE = /^[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/**
 * The viewer of one request, from its `Authorization` header. No header: anonymous (reads are public). Any
 * credentials that are sent must be good: a malformed header, an unknown or revoked API key or a JWT that
 * does not verify is UNAUTHENTICATED, even for a read, so a client never mistakes bad credentials for none.
 */
export async function authenticate(header: string | string[] | undefined, authenticators: Authenticators): Promise<Viewer> {
  if (header === undefined) return ANONYMOUS;
  if (Array.isArray(header)) throw invalidCredentials('Send one Authorization header, not several.');
  const match = BEARER.exec(header.trim());
  if (!match) throw invalidCredentials('The Authorization header must be `Bearer <API key or JWT>`.');
  const token = match[1];
  if (looksLikeApiKey(token)) return authenticators.apiKeys.verify(token);
  if (JWT_SHAPE.test(token)) {
    if (!authenticators.jwt) throw invalidCredentials('This server does not accept JWTs (JWT is not configured); use an API key.');
    return authenticators.jwt.verify(token);
  }
  throw invalidCredentials('The bearer token is neither an API key (gcg_…) nor a JWT.');
}
