import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The API key token: `gcg_<keyId>_<secret>`. The key id (hex, so it never contains the `_` separator) is
 * public — it names the key in lists, logs and history; the secret is 32 random bytes, base64url, and is
 * shown once. Only a hash of the secret is stored.
 */
const PREFIX = 'gcg_';
const KEY_ID_BYTES = 8;
const SECRET_BYTES = 32;
const TOKEN = /^gcg_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  keyId: string;
  secret: string;
}

export interface NewApiKey extends ParsedApiKey {
  token: string;
  hash: string;
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(PREFIX);
}

export function generateApiKey(): NewApiKey {
  const keyId = randomBytes(KEY_ID_BYTES).toString('hex');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { keyId, secret, token: `${PREFIX}${keyId}_${secret}`, hash: hashSecret(secret) };
}

/** The key id and secret of a well-formed token; undefined for anything else. */
export function parseApiKey(token: string): ParsedApiKey | undefined {
  const match = TOKEN.exec(token);
  return match ? { keyId: match[1], secret: match[2] } : undefined;
}

/**
 * SHA-256, not a slow password hash: the secret is 256 random bits, so there is no dictionary to slow down and
 * a brute force of the hash is as hopeless as guessing the key itself.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares in constant time, so response timing tells nothing about how much of a guessed secret was right. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
