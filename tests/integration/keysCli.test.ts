import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../src/config';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embeddedNeo4j';
import { createLogger } from '../../src/logger';
import { freePort, REPO_ROOT, tempDataDir, testNeo4jUri } from '../helpers/testNeo4j';

/** `npm run keys`: the compiled CLI as a child process, against the test Neo4j (NEO4J_URI) and a busy embedded store. */
const CLI = path.join(REPO_ROOT, 'dist', 'src', 'cli', 'keys.js');
const run = promisify(execFile);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function keys(args: string[], env: NodeJS.ProcessEnv = { NEO4J_URI: testNeo4jUri() }): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first.`);
});

test('create prints a token once, list shows the key without it, revoke marks it revoked', async () => {
  const created = await keys(['create', '--name', 'cli round trip', '--role', 'editor', '--json']);
  expect(created.code).toBe(0);
  const { token, apiKey } = JSON.parse(created.stdout);
  expect(token).toMatch(new RegExp(`^gcg_${apiKey.id}_[A-Za-z0-9_-]{43}$`));
  expect(apiKey).toMatchObject({ name: 'cli round trip', role: 'editor', revokedAt: null });
  expect(apiKey.createdBy).toMatch(/^cli:/);

  const listed = await keys(['list', '--json']);
  expect(listed.code).toBe(0);
  expect(listed.stdout).not.toContain(token.slice(-43));
  expect(JSON.parse(listed.stdout).keys).toContainEqual(expect.objectContaining({ id: apiKey.id, revokedAt: null }));

  const revoked = await keys(['revoke', apiKey.id]);
  expect(revoked.code).toBe(0);
  expect(revoked.stdout).toMatch(new RegExp(`Revoked API key ${apiKey.id}`));
  const after = JSON.parse((await keys(['list', '--json'])).stdout).keys.find((key: { id: string }) => key.id === apiKey.id);
  expect(Date.parse(after.revokedAt)).not.toBeNaN();
});

test('the text output of create ends with the token on a line of its own', async () => {
  const created = await keys(['create', '--name', 'text output', '--role', 'admin']);
  expect(created.code).toBe(0);
  expect(created.stdout.trim().split('\n').at(-1)).toMatch(/^gcg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
});

test.each([
  [['create', '--name', 'x', '--role', 'owner'], /--role must be editor or admin/],
  [['create', '--role', 'editor'], /--name: The key needs a name/],
  [['revoke'], /revoke needs the key id/],
  [['rotate'], /Unknown command "rotate"/],
  [['list', '--colour'], /Unknown option/],
])('keys %j exits 2 with a usage message', async (args, message) => {
  const result = await keys(args);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).toMatch(/usage: npm run keys/);
});

test('revoking an id no key has exits 2 and says so', async () => {
  const result = await keys(['revoke', 'ffffffffffffffff']);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/No API key has the id "ffffffffffffffff"/);
});

describe('against the embedded store while a server holds it', () => {
  let neo4j: EmbeddedNeo4j | undefined;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const dataDir = tempDataDir('keys-cli');
    const boltPort = await freePort();
    env = { NEO4J_URI: '', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(boltPort), NEO4J_HEAP_MB: '256', NEO4J_PAGECACHE_MB: '32' };
    const config = loadConfig({ NODE_ENV: 'test', ...env }, REPO_ROOT);
    neo4j = await startEmbeddedNeo4j(config.neo4j.embedded, REPO_ROOT, createLogger({ logLevel: 'warn' }));
  });

  afterAll(async () => {
    await neo4j?.stop();
  });

  test('the CLI uses the running Neo4j through its Bolt port instead of failing on the lock', async () => {
    const created = await keys(['create', '--name', 'while running', '--role', 'editor', '--json'], env);
    expect(created.code).toBe(0);
    expect(created.stderr).toMatch(/embedded store is in use.*bolt:\/\/127\.0\.0\.1:/);
    const listed = await keys(['list', '--json'], env);
    expect(JSON.parse(listed.stdout).keys.map((key: { name: string }) => key.name)).toEqual(['while running']);
  });

  test('with another Bolt port than the running Neo4j, the CLI says the store is locked and what to set', async () => {
    const result = await keys(['list'], { ...env, NEO4J_BOLT_PORT: String(await freePort()) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is locked and no Neo4j answers at bolt:\/\/127\.0\.0\.1:\d+\. Set NEO4J_BOLT_PORT/);
  });
});
