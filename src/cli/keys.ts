import os from 'node:os';
import { parseArgs } from 'node:util';
import { ApiKeyStore, type ApiKeyRecord } from '../auth/apiKeyStore';
import { keyNameProblem } from '../auth/keyName';
import { isRole } from '../auth/viewer';
import { ConfigError, loadConfig, type AppConfig } from '../config';
import { EmbeddedNeo4jError } from '../db/embeddedNeo4j';
import { applyMigrations } from '../db/migrations';
import { connectForCommand } from './connect';
import pino from 'pino';
import type { Logger } from '../logger';

const USAGE = `usage: npm run keys -- create --name NAME --role editor|admin [--json]
       npm run keys -- list [--json]
       npm run keys -- revoke ID [--json]`;

class UsageError extends Error {}

/**
 * `npm run keys`: creates, lists and revokes API keys in the database the server uses (NEO4J_URI, or the
 * embedded store). While `npm start` runs, its embedded Neo4j holds the store's lock: the CLI then talks to
 * that Neo4j over its Bolt port (127.0.0.1:NEO4J_BOLT_PORT) instead of starting a second one.
 */
async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parsedArguments(argv);
  const [command, ...rest] = positionals;
  const config = loadConfig();
  // Logs go to stderr, so stdout carries only the result (a token, a list, JSON) for scripts to read.
  const logger = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }, pino.destination(2));
  const output = values.json ? printJson : printText;

  switch (command) {
    case 'create': {
      const name = values.name ?? '';
      const problem = keyNameProblem(name);
      if (problem) throw new UsageError(`--name: ${problem.message}`);
      if (!isRole(values.role)) throw new UsageError('--role must be editor or admin.');
      const role = values.role;
      const created = await withStore(config, logger, (store) => store.create({ name, role, createdBy: `cli:${os.userInfo().username}` }));
      output({ command, ...created });
      return;
    }
    case 'list': {
      const keys = await withStore(config, logger, allKeys);
      output({ command, keys });
      return;
    }
    case 'revoke': {
      const [id] = rest;
      if (!id) throw new UsageError('revoke needs the key id (see `npm run keys -- list`).');
      const revoked = await withStore(config, logger, (store) => store.revoke(id, `cli:${os.userInfo().username}`));
      if (!revoked) throw new UsageError(`No API key has the id ${JSON.stringify(id)}.`);
      output({ command, apiKey: revoked });
      return;
    }
    default:
      throw new UsageError(command ? `Unknown command ${JSON.stringify(command)}.` : 'Which command?');
  }
}

function parsedArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: { name: { type: 'string' }, role: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function allKeys(store: ApiKeyStore): Promise<ApiKeyRecord[]> {
  const keys: ApiKeyRecord[] = [];
  for (;;) {
    const last = keys.at(-1);
    const page = await store.page(500, last && { createdAt: last.createdAt, id: last.id });
    keys.push(...page);
    if (page.length < 500) return keys;
  }
}

async function withStore<T>(config: AppConfig, logger: Logger, work: (store: ApiKeyStore) => Promise<T>): Promise<T> {
  const database = await connectForCommand('keys', config, logger);
  try {
    await applyMigrations(database.library, database.cypher, logger);
    return await work(new ApiKeyStore(database.cypher));
  } finally {
    await database.close();
  }
}

type Output = { command: 'create'; token: string; apiKey: ApiKeyRecord } | { command: 'list'; keys: ApiKeyRecord[] } | { command: 'revoke'; apiKey: ApiKeyRecord };

function printJson(result: Output): void {
  const { command: _command, ...rest } = result;
  process.stdout.write(`${JSON.stringify(rest)}\n`);
}

function printText(result: Output): void {
  const lines =
    result.command === 'create'
      ? [`Created API key ${result.apiKey.id} (${result.apiKey.role}, "${result.apiKey.name}").`, 'Its token, shown only now — store it:', result.token]
      : result.command === 'revoke'
        ? [`Revoked API key ${result.apiKey.id} at ${String(result.apiKey.revokedAt)}.`]
        : result.keys.length === 0
          ? ['No API keys.']
          : result.keys.map((key) =>
              [key.id, key.role.padEnd(6), key.revokedAt ? `revoked ${key.revokedAt}` : 'active', `created ${key.createdAt} by ${key.createdBy}`, JSON.stringify(key.name)].join('  '),
            );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof EmbeddedNeo4jError || error instanceof UsageError;
  process.stderr.write(`keys: ${known ? (error as Error).message : String((error as Error)?.message ?? error)}\n`);
  if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
