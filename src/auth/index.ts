import type { AuthConfig } from '../config';
import type { Logger } from '../logger';
import { ApiKeyStore, type KeyStoreRunner } from './apiKeyStore';
import { ApiKeyVerifier } from './apiKeyVerifier';
import { authenticate } from './authenticate';
import { JwtVerifier } from './jwtVerifier';
import type { Viewer } from './viewer';

/** Everything the server needs for credentials: the key store (admin operations) and per-request authentication. */
export interface AuthServices {
  keys: ApiKeyStore;
  keyVerifier: ApiKeyVerifier;
  /** The viewer of a request from its `Authorization` header; throws UNAUTHENTICATED for bad credentials. */
  authenticate(header: string | string[] | undefined): Promise<Viewer>;
}

export function createAuthServices(config: AuthConfig, runner: KeyStoreRunner, logger: Logger): AuthServices {
  const keys = new ApiKeyStore(runner);
  const keyVerifier = new ApiKeyVerifier(keys, config.apiKeyCacheTtlMs);
  const jwt = config.jwt ? JwtVerifier.fromConfig(config.jwt, logger) : undefined;
  return {
    keys,
    keyVerifier,
    async authenticate(header) {
      try {
        return await authenticate(header, { apiKeys: keyVerifier, jwt });
      } catch (error) {
        // Refused credentials are worth a line for operators (probing, expired service tokens); the token never is.
        logger.info({ reason: (error as Error).message }, 'credentials refused');
        throw error;
      }
    },
  };
}
