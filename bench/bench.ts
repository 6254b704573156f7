import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config';
import { startEmbeddedNeo4j } from '../src/db/embeddedNeo4j';
import { createLogger } from '../src/logger';
import type { GenerateReport } from '../src/synthetic';
import { buildCases, type BenchCase, type CaseName } from './cases';
import { assertBenchGraph, writeBenchGraph } from './graph';
import { GraphqlClient } from './graphqlClient';
import { HandCypher } from './handCypher';
import { prepareInputs } from './inputs';
import { runAlternatingLoad } from './load';
import { runImportExportBench } from './importExport';
import { measureCase, type CaseMeasurement } from './measure';
import { parseOptions, type BenchOptions } from './options';
import { startChildServer, type ChildServer } from './processes';
import {
  caseResult,
  checkTargets,
  LOAD_CASES,
  NOISE_BAND,
  printReport,
  targetValues,
  throughputResult,
  type MemoryFacts,
  type Throughput,
} from './report';
import { countStatements } from './statements';
import { freePort, repositoryRoot, tempDataDir } from './support';

/**
 * `npm run bench`: one run that measures three sides over the same inputs on the deterministic synthetic
 * graph, in a throwaway embedded Neo4j of its own:
 * - ours: our GraphQL server (`node dist/src/main.js`, a child process) over HTTP on 127.0.0.1;
 * - the library: @neo4j/graphql 7 with type definitions mapped onto our graph (bench/peerLibrary.ts), in an
 *   Apollo Server of its own (a child process too) against the same database;
 * - hand-written Cypher: one parameterised statement per case (bench/cypher/) through a bare driver.
 * First our statements per operation (bench/statements.ts, untimed). Then per case (bench/cases.ts): the
 * answers are checked equal, then the sides are timed interleaved (bench/measure.ts). Then throughput at 8
 * connections for lookup and nested (bench/load.ts) and our RSS after it; the table and
 * bench/results/latest.json (bench/report.ts). The exit code
 * is non-zero when a side fails or mismatches, or a target is missed by more than the noise band.
 * Everything listens on 127.0.0.1 and is stopped and removed at the end, also on failure or Ctrl-C.
 */
const NEO4J_HEAP_MB = 1536;
const NEO4J_PAGECACHE_MB = 512;

async function main(): Promise<number> {
  const rootDir = repositoryRoot();
  const options = parseOptions(process.argv.slice(2), rootDir);
  const started = Date.now();
  // Other work on the machine moves every figure: the load average before and after is kept with the results.
  const loadBefore = os.loadavg();
  // Taken before anything starts: what the servers will load.
  const fingerprint = oursFingerprint(rootDir);
  const log = (text: string) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${text}\n`);

  // What was started, to stop in reverse order: at the end, on failure and on Ctrl-C alike. Each is
  // registered the moment it exists (the temporary directory before Neo4j is even started).
  const cleanups: Array<() => Promise<unknown>> = [];
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const stop of cleanups.splice(0).reverse()) await stop().catch(() => undefined);
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the servers and removing the benchmark Neo4j`);
    void cleanUp().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const bulk = options.only.includes('import') || options.only.includes('export');
  if (!options.only.includes('queries')) return runImportExportBench(options, rootDir, log);

  try {
    const database = await openBenchDatabase(options, rootDir, cleanups, log);
    const { uri } = database;

    const oursPort = await freePort();
    const ours = await startChildServer({
      name: 'our server',
      rootDir,
      script: path.join('dist', 'src', 'main.js'),
      port: oursPort,
      env: {
        NEO4J_URI: uri,
        HOST: '127.0.0.1',
        PORT: String(oursPort),
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        SEED_ON_EMPTY: 'false',
        GRAPHIQL_ENABLED: 'false',
        // Every side reads Neo4j for every answer: a cached answer would time the cache, not the read.
        RESPONSE_CACHE: 'false',
      },
    });
    cleanups.push(() => ours.stop());
    const peerPort = await freePort();
    const peer = await startChildServer({
      name: "the library's server",
      rootDir,
      script: path.join('dist', 'bench', 'peerServer.js'),
      port: peerPort,
      env: { NEO4J_URI: uri, PEER_PORT: String(peerPort), NODE_ENV: 'production' },
    });
    cleanups.push(() => peer.stop());
    log(`our server (pid ${ours.pid}) on ${ours.url}, the library's (pid ${peer.pid}) on ${peer.url}`);

    // The hand-written side's own driver, with the driver's defaults but for plain numbers.
    const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
    cleanups.push(() => driver.close());
    const cypher = HandCypher.load(rootDir, driver, 'neo4j');
    const oursClient = new GraphqlClient('ours', ours.url);
    const peerClient = new GraphqlClient('library', peer.url);
    cleanups.push(async () => {
      oursClient.close();
      peerClient.close();
    });
    const inputs = await prepareInputs(cypher, options);
    const cases = await buildCases({ ours: oursClient, peer: peerClient, cypher, inputs }, options.cases);

    // First, while it reads the same compiled code and cypher/ files as the child server just started (the
    // working tree may change during a long run), and untimed.
    log('counting our statements per operation (our server in this process, same database)');
    const statements = await countStatements(rootDir, uri, cases);

    const measurements: CaseMeasurement[] = [];
    for (const benchCase of cases) {
      log(`${benchCase.name}: ${benchCase.inputs.length} input(s), ${benchCase.sides.map((side) => side.name).join(', ')}`);
      measurements.push(await measureCase(benchCase, options, log));
    }

    const throughput = await loadRuns(cases, measurements, { ours, library: peer }, options, log);
    const memory: MemoryFacts = { ours: ours.memory(), library: peer.memory() };
    await ours.stop();
    await peer.stop();

    const results = measurements.map((measurement, index) => caseResult(measurement, cases[index].peer !== undefined, statements[measurement.name]));
    const targets = checkTargets(targetValues(results, throughput, memory));
    printReport(results, throughput, memory, targets, (text) => process.stdout.write(text));
    process.stdout.write(
      `\nMachine: ${os.cpus().length} CPUs, Node ${process.version}; load average (1 min) ${round1(loadBefore[0])} before, ${round1(os.loadavg()[0])} after\n\n`,
    );

    const failed = results.some((result) => result.failures.length > 0);
    const missed = targets.filter((target) => target.status === 'missed' || target.status === 'not measured');
    writeResults(options, {
      neo4jVersion: database.version,
      externalNeo4j: options.neo4jUri !== undefined,
      graph: database.graph,
      cases: results,
      throughput,
      memory,
      targets,
      passed: !failed && missed.length === 0,
      fingerprint,
      loadAverage: { before: loadBefore.map(round1), after: os.loadavg().map(round1) },
      totalSeconds: Math.round((Date.now() - started) / 100) / 10,
    });
    log(`results written to ${path.relative(process.cwd(), options.out)}`);
    if (failed) log('FAILED: a side errored or gave a different answer (see FAILURES above)');
    if (missed.length > 0) log(`FAILED: ${missed.length} target(s) missed by more than the noise band or not measured`);
    // The bulk paths run after the queries are measured, on a Neo4j of their own (started when this one is stopped).
    const bulkCode = bulk ? await cleanUp().then(() => runImportExportBench(options, rootDir, log)) : 0;
    return failed || missed.length > 0 || bulkCode !== 0 ? 1 : 0;
  } finally {
    log('stopping the servers and removing the benchmark Neo4j');
    await cleanUp();
  }
}

interface BenchDatabase {
  uri: string;
  version: string;
  /** What the generator wrote; null with --neo4j-uri (the graph was there already). */
  graph: GenerateReport | null;
}

/**
 * The benchmark's own Neo4j: embedded, in a temporary directory, filled with the synthetic graph; stopping it
 * and removing the directory go into `cleanups` as soon as each exists. With --neo4j-uri, the given database
 * instead, checked to hold that graph alone and left running.
 */
async function openBenchDatabase(
  options: BenchOptions,
  rootDir: string,
  cleanups: Array<() => Promise<unknown>>,
  log: (line: string) => void,
): Promise<BenchDatabase> {
  const logger = createLogger({ logLevel: 'warn' });
  if (options.neo4jUri) {
    const driver = neo4j.driver(options.neo4jUri);
    try {
      await assertBenchGraph(driver, options);
      const info = await driver.getServerInfo();
      log(`using the running Neo4j at ${options.neo4jUri} (${info.agent}); its graph is left as it is`);
      return { uri: options.neo4jUri, version: String(info.agent), graph: null };
    } finally {
      await driver.close();
    }
  }
  const dataDir = tempDataDir('bench-neo4j');
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const boltPort = await freePort();
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      NEO4J_DATA_DIR: dataDir,
      NEO4J_BOLT_PORT: String(boltPort),
      NEO4J_PAGECACHE_MB: String(NEO4J_PAGECACHE_MB),
      NEO4J_HEAP_MB: String(NEO4J_HEAP_MB),
    },
    rootDir,
  );
  log(`starting a throwaway Neo4j on 127.0.0.1:${boltPort} (${dataDir})`);
  const embedded = await startEmbeddedNeo4j(config.neo4j.embedded, rootDir, logger);
  cleanups.push(() => embedded.stop());
  const graph = await writeBenchGraph(embedded.uri, rootDir, options, logger, log);
  return { uri: embedded.uri, version: embedded.version, graph };
}

/**
 * Throughput of ours and the library at `connections` concurrent connections, for lookup and nested, over
 * the case's inputs, the two taking turns (load.ts). A side that failed the case's check is not loaded.
 */
async function loadRuns(
  cases: BenchCase[],
  measurements: CaseMeasurement[],
  servers: Record<'ours' | 'library', ChildServer>,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<Partial<Record<CaseName, Throughput>>> {
  const throughput: Partial<Record<CaseName, Throughput>> = {};
  if (options.loadSeconds === 0) return throughput;
  for (const benchCase of cases.filter((c) => (LOAD_CASES as readonly string[]).includes(c.name))) {
    const failures = measurements.find((m) => m.name === benchCase.name)!.failures;
    const results: Partial<Record<'ours' | 'library', Throughput['ours']>> = {};
    const loaded: Array<'ours' | 'library'> = [];
    for (const side of ['ours', 'library'] as const) {
      const failure = failures.find((f) => f.side === side);
      if (failure) results[side] = { error: `not loaded: ${failure.message}` };
      else loaded.push(side);
    }
    const targets = loaded.map((side) => {
      const operation = side === 'ours' ? benchCase.ours : benchCase.peer!;
      return { url: servers[side].url, bodies: benchCase.inputs.map((input) => JSON.stringify({ query: operation.query, variables: operation.variables(input) })) };
    });
    log(`load: ${benchCase.name}, ${loaded.join(' and ')} taking turns, ${options.connections} connections, ${options.loadSeconds} s each`);
    try {
      const loads = await runAlternatingLoad(targets, options.connections, options.loadSeconds);
      loaded.forEach((side, index) => (results[side] = loads[index]));
    } catch (error) {
      for (const side of loaded) results[side] = { error: (error as Error).message };
    }
    throughput[benchCase.name] = throughputResult(results.ours!, results.library!);
  }
  return throughput;
}

function writeResults(
  options: BenchOptions,
  facts: {
    neo4jVersion: string;
    externalNeo4j: boolean;
    graph: GenerateReport | null;
    cases: ReturnType<typeof caseResult>[];
    throughput: Partial<Record<CaseName, Throughput>>;
    memory: MemoryFacts;
    targets: ReturnType<typeof checkTargets>;
    passed: boolean;
    fingerprint: string;
    loadAverage: { before: number[]; after: number[] };
    totalSeconds: number;
  },
): void {
  const args = process.argv.slice(2);
  const output = {
    generatedAt: new Date().toISOString(),
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    options: { ...options, out: path.relative(repositoryRoot(), options.out) },
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryMb: Math.round(os.totalmem() / 2 ** 20),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      loadAverage1m5m15m: facts.loadAverage,
    },
    neo4j: facts.externalNeo4j
      ? { version: facts.neo4jVersion, external: options.neo4jUri }
      : { version: facts.neo4jVersion, edition: 'community (embedded)', heapMb: NEO4J_HEAP_MB, pageCacheMb: NEO4J_PAGECACHE_MB },
    oursFingerprint: facts.fingerprint,
    versions: { '@neo4j/graphql': packageVersion('@neo4j/graphql'), '@apollo/server': packageVersion('@apollo/server'), autocannon: packageVersion('autocannon') },
    graph: facts.graph
      ? { nodes: facts.graph.nodes, relationships: facts.graph.relationships, checksum: facts.graph.checksum, writeMs: facts.graph.writeMs }
      : { nodes: options.nodes, seed: options.seed, writtenBefore: true },
    method:
      'Latency in ms per operation, measured by the client. ours and library: POST /graphql over HTTP on 127.0.0.1 (node:http, keep-alive agent), JSON parsed; each server a child process. cypher: one hand-written statement per case (bench/cypher) through neo4j-driver executeQuery. A check pass first (every side, every input, answers compared with the Cypher answer), then warm-up rounds, then timed rounds giving all sides the same input with the order of the sides rotated each round; every timed answer checked too. Ratios are ours ÷ other, of medians (and of p95s). Throughput: autocannon, answers per second without errors.',
    noiseBand: NOISE_BAND,
    cases: facts.cases,
    throughput: facts.throughput,
    memory: facts.memory,
    targets: facts.targets,
    passed: facts.passed,
    totalSeconds: facts.totalSeconds,
  };
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(output, null, 2)}\n`);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * A digest of what our server runs (its compiled code, Cypher and SDL): runs whose fingerprints differ
 * measured different code, so noise.ts refuses to read their differences as noise.
 */
function oursFingerprint(rootDir: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (!entry.name.endsWith('.map')) hash.update(path.relative(rootDir, file)).update(fs.readFileSync(file));
    }
  };
  for (const dir of ['dist/src', 'cypher', 'schema']) walk(path.join(rootDir, dir));
  return hash.digest('hex').slice(0, 16);
}

function packageVersion(name: string): string | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(repositoryRoot(), 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
