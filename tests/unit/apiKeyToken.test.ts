import { createHash } from 'node:crypto';
import { generateApiKey, parseApiKey, secretMatches } from '../../src/auth/apiKeyToken';

test('a new key is gcg_<16 hex id>_<43 base64url characters> and parses back to its id and secret', () => {
  const key = generateApiKey();
  expect(key.token).toMatch(/^gcg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
  expect(parseApiKey(key.token)).toEqual({ keyId: key.keyId, secret: key.secret });
});

test('two keys share neither id nor secret', () => {
  const [a, b] = [generateApiKey(), generateApiKey()];
  expect(a.keyId).not.toBe(b.keyId);
  expect(a.secret).not.toBe(b.secret);
});

test('the stored hash is the SHA-256 of the secret and never contains it', () => {
  const key = generateApiKey();
  expect(key.hash).toBe(createHash('sha256').update(key.secret).digest('hex'));
  expect(key.hash).not.toContain(key.secret);
});

test('only the right secret matches the stored hash', () => {
  const key = generateApiKey();
  expect(secretMatches(key.secret, key.hash)).toBe(true);
  expect(secretMatches(generateApiKey().secret, key.hash)).toBe(false);
  expect(secretMatches(key.secret, 'not-a-hash')).toBe(false);
});

test.each(['gcg_', 'gcg_0123456789abcdef', 'gcg_0123456789ABCDEF_' + 'a'.repeat(43), 'gcg_0123456789abcdef_' + 'a'.repeat(42), 'xyz_0123456789abcdef_' + 'a'.repeat(43)])(
  '%j is not a well-formed key',
  (token) => {
    expect(parseApiKey(token)).toBeUndefined();
  },
);
