import autocannon from 'autocannon';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { ApiKeyStore } from '../src/auth/apiKeyStore';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { startEmbeddedNeo4j } from '../src/db/embeddedNeo4j';
import { createLogger } from '../src/logger';
import { SYNTHETIC_SOURCE_KEY } from '../src/synthetic/plan';
import { writeBenchGraph } from './graph';
import { startChildServer } from './processes';
import { freePort, intOption, repositoryRoot, tempDataDir } from './support';

/**
 * `npm run soak [-- --seconds 60 --connections 50 --nodes 20000 --seed 42]` (local only, not part of npm test):
 * a throwaway embedded Neo4j with the synthetic graph, our server as a child process (`dist/src/main.js`), then
 * `connections` clients for `seconds` on a mixed workload — 4 of 5 requests read (an organization by key with
 * its country and projects, a page of organizations, a country's organizations; anonymous, so the response
 * cache takes part), 1 of 5 creates an organization with an editor's API key. Every answer is checked (non-2xx,
 * transport errors, timeouts and bodies with `errors` count as errors). Reports p50/p99, throughput and the
 * server's RSS after warm-up (the first fifth of the run) and at the end; stops everything it started.
 */
const WRITE_EVERY = 5;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string' }, connections: { type: 'string' }, nodes: { type: 'string' }, seed: { type: 'string' } } });
  const seconds = intOption('seconds', values.seconds, 60);
  const connections = intOption('connections', values.connections, 50);
  const nodes = intOption('nodes', values.nodes, 20_000, 1_000);
  const seed = intOption('seed', values.seed, 42, 0);
  const rootDir = repositoryRoot();
  const logger = createLogger({ logLevel: 'warn' });
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    const dataDir = tempDataDir('soak-neo4j');
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const config = loadConfig({ NODE_ENV: 'test', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_PAGECACHE_MB: '512', NEO4J_HEAP_MB: '1024' }, rootDir);
    log('starting a throwaway Neo4j');
    const embedded = await startEmbeddedNeo4j(config.neo4j.embedded, rootDir, logger);
    cleanups.unshift(() => embedded.stop());
    await writeBenchGraph(embedded.uri, rootDir, { nodes, seed }, logger, log);

    const database = await openDatabase(loadConfig({ NODE_ENV: 'test', NEO4J_URI: embedded.uri }, rootDir), logger);
    const { token } = await new ApiKeyStore(database.cypher).create({ name: 'soak writer', role: 'editor', createdBy: 'soak' });
    await database.close();
    const keys = await organizationKeys(embedded.uri);
    log(`${keys.organizations.length} organization keys and ${keys.countries.length} country codes to read`);

    const port = await freePort();
    const server = await startChildServer({
      name: 'ours',
      rootDir,
      script: path.join('dist', 'src', 'main.js'),
      port,
      env: { NODE_ENV: 'production', PORT: String(port), NEO4J_URI: embedded.uri, SEED_ON_EMPTY: 'false', LOG_LEVEL: 'warn', QUERY_TIMEOUT_MS: '10000' },
    });
    cleanups.unshift(() => server.stop());

    const bodies = workload(keys);
    let next = 0;
    let writes = 0;
    const rss: Array<{ at: number; mb: number }> = [];
    const sampler = setInterval(() => {
      const memory = server.memory();
      if (memory) rss.push({ at: Date.now(), mb: memory.rssMb });
    }, 1_000);
    log(`load: ${connections} connections for ${seconds} s, 1 in ${WRITE_EVERY} requests a write`);
    const loadStarted = Date.now();
    const result = await autocannon({
      url: server.url,
      connections,
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (request) => {
            const n = next;
            next += 1;
            if (n % WRITE_EVERY === WRITE_EVERY - 1) {
              writes += 1;
              request.headers = { ...request.headers, 'content-type': 'application/json', authorization: `Bearer ${token}` };
              request.body = JSON.stringify({
                query: 'mutation Soak($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { key } userErrors { code } } }',
                variables: { input: { key: `soak-org-${n}`, fields: { name: `Soak Organization ${n}` }, provenance: { source: SYNTHETIC_SOURCE_KEY, confidence: 'LOW' } } },
              });
            } else {
              request.headers = { 'content-type': 'application/json' };
              request.body = bodies[n % bodies.length];
            }
            return request;
          },
        },
      ],
      verifyBody: (body) => !body.includes('"errors"') && !body.includes('"userErrors":[{'),
    });
    clearInterval(sampler);
    const warmedUp = rss.find((sample) => sample.at - loadStarted >= (seconds * 1000) / 5) ?? rss[0];
    const last = rss[rss.length - 1];
    const report = {
      command: `npm run soak -- --seconds ${seconds} --connections ${connections} --nodes ${nodes} --seed ${seed}`,
      date: new Date().toISOString(),
      nodes,
      seconds: result.duration,
      connections,
      requests: result.requests.total,
      writesSent: writes,
      errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
      breakdown: { transport: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, errorBodies: result.mismatches },
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
      rssMb: { afterWarmUp: warmedUp?.mb ?? null, end: last?.mb ?? null, peak: server.memory()?.peakRssMb ?? null },
      rssGrowthAfterWarmUpPercent: warmedUp && last ? Math.round(((last.mb - warmedUp.mb) / warmedUp.mb) * 1000) / 10 : null,
    };
    const out = path.join(rootDir, 'bench', 'results', 'soak-latest.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (report.errors > 0) process.exitCode = 1;
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => log(`cleanup failed: ${String(error)}`));
  }
}

/** Keys to read, straight from the generated graph (the plan's counts depend on --nodes). */
async function organizationKeys(uri: string): Promise<{ organizations: string[]; countries: string[] }> {
  const driver = neo4j.driver(uri);
  try {
    const orgs = await driver.executeQuery('MATCH (o:Organization:Synthetic) RETURN o.key AS key ORDER BY key LIMIT 500');
    const countries = await driver.executeQuery('MATCH (c:Country:Synthetic) RETURN c.key AS key ORDER BY key LIMIT 100');
    return { organizations: orgs.records.map((r) => r.get('key') as string), countries: countries.records.map((r) => r.get('key') as string) };
  } finally {
    await driver.close();
  }
}

function workload(keys: { organizations: string[]; countries: string[] }): string[] {
  const bodies: string[] = [];
  keys.organizations.forEach((key, i) => {
    bodies.push(JSON.stringify({ query: 'query Org($key: String) { organization(key: $key) { name headquartersCountry { name } projects(first: 5) { nodes { name } } } }', variables: { key } }));
    if (i % 5 === 0) bodies.push(JSON.stringify({ query: 'query Page($first: Int) { organizations(first: $first) { totalCount nodes { key name } } }', variables: { first: 1 + (i % 50) } }));
  });
  keys.countries.forEach((code) => {
    bodies.push(JSON.stringify({ query: 'query CountryOrgs($code: CountryCode!) { country(code: $code) { name headquarteredOrganizations(first: 10) { nodes { name } } } }', variables: { code } }));
  });
  return bodies;
}

main().catch((error: unknown) => {
  process.stderr.write(`soak: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
