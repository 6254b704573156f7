import { ApiKeyStore, type KeyStoreRunner } from '../../src/auth/apiKeyStore';
import type { Role } from '../../src/auth/viewer';
import type { Database } from '../../src/db/database';

/**
 * Creates a real API key in the test Neo4j (through the same store as the CLI and the admin mutation) and
 * returns its plaintext token. Tests that create keys leave them: keys are not entities, so no read sees them.
 */
export async function issueApiKey(database: Database | KeyStoreRunner, role: Role, name = `test ${role}`): Promise<string> {
  const runner = 'cypher' in database ? database.cypher : database;
  const { token } = await new ApiKeyStore(runner).create({ name, role, createdBy: 'test:credentials' });
  return token;
}

/** The request headers that send `token` as a bearer credential: pass them to postGraphql. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
