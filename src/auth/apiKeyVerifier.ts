import { invalidCredentials } from './credentialErrors';
import type { ApiKeyStore } from './apiKeyStore';
import { parseApiKey, secretMatches } from './apiKeyToken';
import type { Principal } from './viewer';

interface CachedKey {
  principal: Principal;
  hash: string;
  expiresAt: number;
}

/**
 * Turns a presented API key into its principal. A verified key is kept for `ttlMs`, so a burst of requests
 * costs one read of the key, not one each; a revocation therefore takes effect within `ttlMs` on other
 * processes (at once on this one: `forget` drops the entry). Unknown and revoked keys are never cached.
 */
export class ApiKeyVerifier {
  private readonly cache = new Map<string, CachedKey>();
  /** Verifications under way, by token: a burst with one key (cache empty or just expired) reads and marks it once. */
  private readonly inFlight = new Map<string, Promise<Principal>>();

  constructor(
    private readonly store: ApiKeyStore,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(token: string): Promise<Principal> {
    const parsed = parseApiKey(token);
    if (!parsed) throw invalidCredentials('The API key is malformed: expected gcg_<key id>_<secret>.');
    const cached = this.cache.get(parsed.keyId);
    if (cached && cached.expiresAt > this.now()) {
      if (!secretMatches(parsed.secret, cached.hash)) throw invalidCredentials('The API key is not valid.');
      return cached.principal;
    }
    this.cache.delete(parsed.keyId);
    let verifying = this.inFlight.get(token);
    if (!verifying) {
      verifying = this.verifyStored(parsed.keyId, parsed.secret).finally(() => this.inFlight.delete(token));
      this.inFlight.set(token, verifying);
    }
    return verifying;
  }

  private async verifyStored(keyId: string, secret: string): Promise<Principal> {
    const key = await this.store.toVerify(keyId);
    // One message for an unknown id and a wrong secret: a client learns nothing about which key ids exist.
    if (!key || !secretMatches(secret, key.hash)) throw invalidCredentials('The API key is not valid.');
    if (key.revoked) throw invalidCredentials(`The API key ${key.id} has been revoked.`);
    const principal: Principal = { kind: 'principal', id: `key:${key.id}`, name: key.name, role: key.role, via: 'api-key' };
    await this.store.markUsed(key.id);
    if (this.ttlMs > 0) {
      // Bounded by the number of keys: only verified keys are added, and an expired entry is replaced when met.
      this.cache.set(key.id, { principal, hash: key.hash, expiresAt: this.now() + this.ttlMs });
    }
    return principal;
  }

  /** Drops what is cached of a key, so its revocation counts on this process at once. */
  forget(keyId: string): void {
    this.cache.delete(keyId);
  }
}
