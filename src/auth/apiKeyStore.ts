import neo4j from 'neo4j-driver';
import type { Params, Row } from '../db/cypherRunner';
import { generateApiKey } from './apiKeyToken';
import type { Role } from './viewer';

/** What the key store needs of the data layer: named statements in their own transactions (CypherRunner has both). */
export interface KeyStoreRunner {
  read(name: string, params?: Params): Promise<Row[]>;
  write(name: string, params?: Params): Promise<Row[]>;
}

/** An API key as listed: never its secret nor its hash. Times are ISO 8601 (UTC). */
export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** What authentication reads of a key. */
export interface KeyToVerify {
  id: string;
  name: string;
  role: Role;
  hash: string;
  revoked: boolean;
}

export interface KeyPosition {
  createdAt: string;
  id: string;
}

/** The (:ApiKey) nodes: created with a fresh random token, listed, revoked. Each call is its own transaction. */
export class ApiKeyStore {
  constructor(private readonly runner: KeyStoreRunner) {}

  /** Creates a key and returns it with its plaintext token: the only moment the token exists outside the client. */
  async create(input: { name: string; role: Role; createdBy: string }): Promise<{ token: string; apiKey: ApiKeyRecord }> {
    const key = generateApiKey();
    const [row] = await this.runner.write('auth/create-api-key', {
      id: key.keyId,
      name: input.name,
      role: input.role,
      hash: key.hash,
      createdAt: new Date().toISOString(),
      createdBy: input.createdBy,
    });
    return { token: key.token, apiKey: toApiKey(row) };
  }

  /** Revokes a key (again is harmless); null when no key has this id. */
  async revoke(id: string, revokedBy: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.runner.write('auth/revoke-api-key', { id, revokedAt: new Date().toISOString(), revokedBy });
    return row ? toApiKey(row) : null;
  }

  /** Up to `limit` keys in creation order after `after` (from the start when omitted). */
  async page(limit: number, after?: KeyPosition): Promise<ApiKeyRecord[]> {
    const rows = await this.runner.read('auth/api-keys-page', {
      afterCreatedAt: after?.createdAt ?? null,
      afterId: after?.id ?? null,
      limit: neo4j.int(limit),
    });
    return rows.map(toApiKey);
  }

  async count(): Promise<number> {
    const [row] = await this.runner.read('auth/api-key-count');
    return Number(row.total);
  }

  async toVerify(id: string): Promise<KeyToVerify | null> {
    const [row] = await this.runner.read('auth/key-to-verify', { id });
    if (!row) return null;
    return { id: String(row.id), name: String(row.name), role: row.role as Role, hash: String(row.hash), revoked: row.revoked === true };
  }

  async markUsed(id: string): Promise<void> {
    await this.runner.write('auth/mark-key-used', { id, usedAt: new Date().toISOString() });
  }
}

function toApiKey(row: Row): ApiKeyRecord {
  return {
    id: String(row.id),
    name: String(row.name),
    role: row.role as Role,
    createdAt: String(row.createdAt),
    createdBy: String(row.createdBy),
    revokedAt: optionalText(row.revokedAt),
    lastUsedAt: optionalText(row.lastUsedAt),
  };
}

function optionalText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
