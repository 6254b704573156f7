import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
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
 * cache takes part), 1 of 5 writes with an editor's API key: half create an organization, half upsert a note on
 * one of the organizations the reads ask for (so writes drop answers that are really being read). The upserts go
 * round the 500 read keys in turn, so two writes in flight never want the same entity's lock (~10 writers are in
 * flight at 50 clients): a curation workload spreads over many entities, and what the soak measures is what
 * all writes share (the change history, the API key), not one entity's lock. Every answer is checked (non-2xx,
 * transport errors, timeouts and bodies with `errors` or `userErrors` count as errors, in the warm-up too). After
 * `--warmup` seconds of the same load, reports p50/p99, throughput and the server's RSS in the measured run's
 * first and last 10 s (medians); stops everything it started.
 */
const WRITE_EVERY = 5;
/** A request still unanswered after this long counts as a timeout (the server's own budget is 10 s). */
const REQUEST_TIMEOUT_MS = 30_000;
/** After a transport error a client waits this long before its next request, so a dead server is not hammered. */
const TRANSPORT_BACKOFF_MS = 100;

const HELP = `npm run soak [-- options]   (or: node dist/bench/soak.js [options] after npm run build)

  --seconds N       how long the measured load runs (default 60)
  --warmup N        seconds of the same load before it, checked but not measured (default 45)
  --connections N   clients, each with one request in flight, over one keep-alive pool of N sockets (default 50)
  --nodes N         size of the synthetic graph written to the throwaway Neo4j (default 20000, at least 1000)
  --seed N          the synthetic graph's seed (default 42)
  -h, --help        this text

Writes bench/results/soak-latest.json; exits 1 when any request failed.
`;

interface SoakRequest {
  headers: Record<string, string>;
  body: string;
}

interface LoadResult {
  seconds: number;
  requests: number;
  /** The number the next request would have had. */
  next: number;
  writes: number;
  /** Failed requests by kind: a transport error code, `timeout`, `HTTP <status>`, `GraphQL <code>`, `userError <code>`. */
  errors: Map<string, number>;
  /** The first few failures as they came, to tell the harness's problems from the server's. */
  firstErrors: string[];
  /** Over every request that got an answer (failed ones too), then reads and writes apart. */
  latencyMs: Percentiles;
  readLatencyMs: Percentiles;
  writeLatencyMs: Percentiles;
}

interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/**
 * `connections` clients in a closed loop (each sends its next request when its last one is answered) until time is
 * up. One keep-alive agent holds at most `connections` sockets, so the harness opens them once and never more:
 * the first soak, on autocannon, counted thousands of "transport errors" that said nothing about the server.
 */
/** `from`: the number of the first request (a run after a warm-up goes on numbering, so its creates stay new). */
async function runLoad(url: string, connections: number, seconds: number, request: (n: number) => SoakRequest, from = 0): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const latencies: number[] = [];
  const byKind = { read: [] as number[], write: [] as number[] };
  const errors = new Map<string, number>();
  const firstErrors: string[] = [];
  let next = from;
  let writes = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const n = next;
      next += 1;
      const kind = n % WRITE_EVERY === WRITE_EVERY - 1 ? 'write' : 'read';
      if (kind === 'write') writes += 1;
      const sent = performance.now();
      const outcome = await post(agent, url, request(n));
      const ms = performance.now() - sent;
      if (outcome.kind !== 'transport') {
        latencies.push(ms);
        byKind[kind].push(ms);
      }
      if (outcome.kind === 'ok') continue;
      const error = `${kind}: ${outcome.error}`;
      errors.set(error, (errors.get(error) ?? 0) + 1);
      if (firstErrors.length < 10) firstErrors.push(`${kind} sent at ${Math.round(sent - started)} ms, ${outcome.error} after ${Math.round(ms)} ms`);
      if (outcome.kind === 'transport') await new Promise((resolve) => setTimeout(resolve, TRANSPORT_BACKOFF_MS));
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    seconds: Math.round(elapsed * 10) / 10,
    requests: next - from,
    next,
    writes,
    errors,
    firstErrors,
    latencyMs: percentiles(latencies),
    readLatencyMs: percentiles(byKind.read),
    writeLatencyMs: percentiles(byKind.write),
  };
}

/** MB per minute of the least-squares line through the samples, to one decimal; null with fewer than two. */
function slopePerMinute(samples: ReadonlyArray<{ at: number; mb: number }>): number | null {
  if (samples.length < 2) return null;
  const meanAt = samples.reduce((sum, sample) => sum + sample.at, 0) / samples.length;
  const meanMb = samples.reduce((sum, sample) => sum + sample.mb, 0) / samples.length;
  const covariance = samples.reduce((sum, sample) => sum + (sample.at - meanAt) * (sample.mb - meanMb), 0);
  const variance = samples.reduce((sum, sample) => sum + (sample.at - meanAt) ** 2, 0);
  return variance === 0 ? null : Math.round((covariance / variance) * 60_000 * 10) / 10;
}

/** The median of some MB samples, to one decimal; null without samples. */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return Math.round((sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2) * 10) / 10;
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? 0 : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10);
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) };
}

type Outcome = { kind: 'ok' } | { kind: 'transport' | 'answer'; error: string };

/** One POST; an answer counts as ok only if it is a 200 whose body has no `errors` and no `userErrors`. */
function post(agent: http.Agent, url: string, { headers, body }: SoakRequest): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.request(
      url,
      { method: 'POST', agent, timeout: REQUEST_TIMEOUT_MS, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'transport', error: error.code ?? error.message }));
        res.on('end', () => {
          if (res.statusCode !== 200) return resolve({ kind: 'answer', error: `HTTP ${res.statusCode}` });
          resolve(checkAnswer(Buffer.concat(chunks).toString('utf8')));
        });
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'transport', error: error.code ?? error.message }));
    req.end(body);
  });
}

function checkAnswer(text: string): Outcome {
  let answer: { data?: Record<string, { userErrors?: Array<{ code?: string }> } | null>; errors?: Array<{ extensions?: { code?: string } }> };
  try {
    answer = JSON.parse(text);
  } catch {
    return { kind: 'answer', error: 'not JSON' };
  }
  if (answer.errors?.length) return { kind: 'answer', error: `GraphQL ${answer.errors[0].extensions?.code ?? 'error'}` };
  const userError = Object.values(answer.data ?? {}).find((field) => field?.userErrors?.length)?.userErrors?.[0];
  return userError ? { kind: 'answer', error: `userError ${userError.code ?? '?'}` } : { kind: 'ok' };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seconds: { type: 'string' }, warmup: { type: 'string' }, connections: { type: 'string' }, nodes: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const loadBefore = os.loadavg().map((l) => Math.round(l * 100) / 100);
  // At least 20 s: RSS is compared between the measured run's first and last 10 s.
  const seconds = intOption('seconds', values.seconds, 60, 20);
  const warmUpSeconds = intOption('warmup', values.warmup, 45, 0);
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
    const provenance = { source: SYNTHETIC_SOURCE_KEY, confidence: 'LOW' };
    const write = (n: number): SoakRequest => {
      const w = Math.floor(n / WRITE_EVERY);
      const body =
        w % 2 === 0
          ? {
              query: 'mutation SoakCreate($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { key } change { sequence } userErrors { code } } }',
              variables: { input: { key: `soak-org-${n}`, fields: { name: `Soak Organization ${n}` }, provenance } },
            }
          : {
              query: 'mutation SoakUpsert($input: UpsertOrganizationInput!) { upsertOrganization(input: $input) { organization { key } change { sequence } userErrors { code } } }',
              variables: { input: { key: keys.organizations[Math.floor(w / 2) % keys.organizations.length], fields: { foundingNote: `Soak note ${n}.` }, provenance } },
            };
      return { headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(body) };
    };
    const rss: Array<{ at: number; mb: number }> = [];
    const sampler = setInterval(() => {
      const memory = server.memory();
      if (memory) rss.push({ at: Date.now(), mb: memory.rssMb });
    }, 1_000);
    // The server's own view every 10 s (its /metrics), to tell a growing JavaScript heap from the rest of RSS.
    const heap: HeapSample[] = [];
    const heapSampler = setInterval(() => void heapSample(server.url).then((sample) => sample && heap.push(sample)), 10_000);
    const workloadRequest = (n: number) => (n % WRITE_EVERY === WRITE_EVERY - 1 ? write(n) : { headers: {}, body: bodies[n % bodies.length] });
    // The same load first, unmeasured but checked: at a few hundred answers a second V8 takes tens of seconds to
    // size its heap for the work (RSS then levels off: a leak would keep climbing through the measured run).
    log(`warm-up: the same load for ${warmUpSeconds} s`);
    const warmUp = await runLoad(server.url, connections, warmUpSeconds, workloadRequest);
    log(`load: ${connections} connections for ${seconds} s, 1 in ${WRITE_EVERY} requests a write (creates and upserts in turn)`);
    const loadStarted = Date.now();
    const result = await runLoad(server.url, connections, seconds, workloadRequest, warmUp.next);
    clearInterval(sampler);
    clearInterval(heapSampler);
    // Medians of the first and the last 10 s of the measured run: one sample each would measure where V8's
    // collector happened to be in its cycle (RSS moves ±5 % within seconds at this rate).
    const window = (from: number, to: number) => median(rss.filter((sample) => sample.at >= from && sample.at <= to).map((sample) => sample.mb));
    // The end window closes when the load's time is up, not after the last slow answers have drained.
    const loadEnded = loadStarted + seconds * 1000;
    const afterWarmUp = window(loadStarted, loadStarted + 10_000);
    const end = window(loadEnded - 10_000, loadEnded);
    const measured = rss.filter((sample) => sample.at >= loadStarted && sample.at <= loadEnded);
    const warmUpErrors = [...warmUp.errors.values()].reduce((sum, count) => sum + count, 0);
    const errors = [...result.errors.values()].reduce((sum, count) => sum + count, 0);
    const report = {
      command: `npm run soak -- --seconds ${seconds} --warmup ${warmUpSeconds} --connections ${connections} --nodes ${nodes} --seed ${seed}`,
      date: new Date().toISOString(),
      loadAverage: { before: loadBefore, after: os.loadavg().map((l) => Math.round(l * 100) / 100) },
      cores: os.cpus().length,
      nodes,
      seconds: result.seconds,
      connections,
      warmUp: { seconds: warmUp.seconds, requests: warmUp.requests, errors: warmUpErrors, errorsByKind: Object.fromEntries(warmUp.errors), firstErrors: warmUp.firstErrors },
      requests: result.requests,
      writesSent: result.writes,
      errors,
      errorsByKind: Object.fromEntries(result.errors),
      firstErrors: result.firstErrors,
      latencyMs: result.latencyMs,
      readLatencyMs: result.readLatencyMs,
      writeLatencyMs: result.writeLatencyMs,
      answersPerSecond: Math.round(((result.requests - errors) / result.seconds) * 10) / 10,
      // RSS from the start of the warm-up; afterWarmUp and end are the medians of the measured run's first and last 10 s.
      rssMb: { warmUpStart: rss[0]?.mb ?? null, afterWarmUp, end, peak: server.memory()?.peakRssMb ?? null },
      // Every 10 s of the run: a leak keeps climbing, a heap settling to its working size levels off.
      rssMbEvery10s: rss.filter((_, i) => i % 10 === 0).map((sample) => sample.mb),
      heapMbEvery10s: heap,
      rssGrowthAfterWarmUpPercent: afterWarmUp !== null && end !== null ? Math.round(((end - afterWarmUp) / afterWarmUp) * 1000) / 10 : null,
      // The least-squares slope of RSS over the measured run: a heap that has levelled off is near 0, a leak is not.
      rssSlopeMbPerMinute: slopePerMinute(measured),
    };
    const out = path.join(rootDir, 'bench', 'results', 'soak-latest.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (report.errors > 0 || warmUpErrors > 0) process.exitCode = 1;
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => log(`cleanup failed: ${String(error)}`));
  }
}

interface HeapSample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

/** MB figures of prom-client's process metrics, or null if /metrics did not answer (never fails the run). */
async function heapSample(graphqlUrl: string): Promise<HeapSample | null> {
  try {
    const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
    const mb = (metric: string) => Math.round(Number(new RegExp(`^${metric} (\\S+)`, 'm').exec(text)?.[1]) / 104_857.6) / 10;
    return { rss: mb('process_resident_memory_bytes'), heapUsed: mb('nodejs_heap_size_used_bytes'), heapTotal: mb('nodejs_heap_size_total_bytes'), external: mb('nodejs_external_memory_bytes') };
  } catch {
    return null;
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
