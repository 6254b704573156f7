import fs from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ConfigError, type JwtConfig } from '../config';
import type { Logger } from '../logger';
import { invalidCredentials } from './credentialErrors';
import { isRole, strongestRole, type Principal, type Role, type RolelessPrincipal } from './viewer';

/**
 * Verifies bearer JWTs with jose against the configured issuer, audience, algorithms and JWKS, and names the
 * principal `jwt:<iss>#<sub>` with the strongest role its roles claim holds.
 */
export class JwtVerifier {
  private constructor(
    private readonly config: JwtConfig,
    private readonly keys: JWTVerifyGetKey,
    private readonly logger: Logger,
  ) {}

  /** A JWKS file is read once here, so a missing or broken file stops start-up rather than failing every request. */
  static fromConfig(config: JwtConfig, logger: Logger): JwtVerifier {
    return new JwtVerifier(config, 'url' in config.jwks ? createRemoteJWKSet(new URL(config.jwks.url)) : localKeySet(config.jwks.file), logger);
  }

  async verify(token: string): Promise<Principal | RolelessPrincipal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        // An explicit list: `none` and HMAC algorithms are never accepted, whatever the token's header says.
        algorithms: this.config.algorithms,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw invalidCredentials(this.explain(error));
    }
    const id = `jwt:${this.config.issuer}#${String(payload.sub)}`;
    const name = typeof payload.name === 'string' && payload.name !== '' ? payload.name : String(payload.sub);
    const role = strongestRole(rolesIn(payload[this.config.rolesClaim]));
    return role ? { kind: 'principal', id, name, role, via: 'jwt' } : { kind: 'roleless', id, name, via: 'jwt' };
  }

  /** A message that says what is wrong with the token, never how the server is set up. */
  private explain(error: unknown): string {
    if (error instanceof errors.JWTExpired) return 'The token has expired.';
    if (error instanceof errors.JWTClaimValidationFailed) {
      switch (error.claim) {
        case 'nbf':
          return 'The token is not valid yet (nbf is in the future).';
        case 'aud':
          return 'The token is meant for another audience.';
        case 'iss':
          return 'The token comes from an issuer this server does not trust.';
        default:
          return `The token's "${error.claim}" claim is missing or not valid.`;
      }
    }
    if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
      return `The token's signing algorithm is not accepted (accepted: ${this.config.algorithms.join(', ')}).`;
    }
    if (error instanceof errors.JWKSNoMatchingKey) return 'The token is signed with a key this server does not know.';
    if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is not valid.';
    if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
      this.logger.warn({ err: error }, 'JWT verification could not complete');
      return 'The token could not be verified: the signing keys are unavailable right now.';
    }
    return 'The token is not a valid JWT.';
  }
}

function localKeySet(file: string): JWTVerifyGetKey {
  try {
    return createLocalJWKSet(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    throw new ConfigError(`Invalid configuration: JWT_JWKS_FILE=${JSON.stringify(file)} is not a readable JWKS (${(error as Error).message}).`);
  }
}

/** The roles claim as roles: a string (space- or comma-separated) or an array of strings; unknown roles are ignored. */
function rolesIn(claim: unknown): Role[] {
  const values = typeof claim === 'string' ? claim.split(/[\s,]+/) : Array.isArray(claim) ? claim : [];
  return values.filter(isRole);
}
