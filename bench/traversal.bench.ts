import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../src/config';
import type { CypherLibrary } from '../src/db/cypherLibrary';
import type { Params, Row } from '../src/db/cypherRunner';
import { openDatabase } from '../src/db/database';
import { createDriver } from '../src/db/driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/db/embeddedNeo4j';
import { applyMigrations } from '../src/db/migrations';
import { neighbourhood, neighbourhoodRequest, pathRequest, shortestPath, type WalkContext } from '../src/data/traversal';
import { createLogger } from '../src/logger';
import { startServer, type RunningServer } from '../src/server';
import { generateSyntheticGraph, syntheticPairs, type GenerateReport } from '../src/synthetic';
import { freePort, intOption, repositoryRoot, summarize, tempDataDir, type Summary } from './support';

/**
 * `npm run bench`: GraphQL over real HTTP against the same Cypher run directly through neo4j-driver, on the
 * synthetic graph, in a throwaway embedded Neo4j of its own (removed at the end, also on failure or Ctrl-C).
 *
 * For neighbourhood (depth 1 and 2) and shortestPath over N deterministic inputs, each operation is timed
 * both ways: as a GraphQL POST to the running server, and as the very statements its resolver runs (the same
 * named files of cypher/, read through the project's CypherLibrary, with the same parameters and in the same
 * order) sent through a bare driver session, with no GraphQL, HTTP or CypherRunner in between. The driver
 * side is driven by the traversal data-layer functions with a raw-driver reader, so its statement sequence
 * cannot drift from the resolver's. One warm-up pass, then repeated passes alternating which side goes first;
 * each case stops early when its time budget is spent. Results: median and p95 per side, their ratio
 * GraphQL/driver, printed and written to bench/results/latest.json.
 */

interface BenchOptions {
  nodes: number;
  seed: number;
  inputs: number;
  warmup: number;
  repeats: number;
  caseSeconds: number;
}

interface CaseResult {
  name: string;
  inputs: number;
  statementsPerOperation: number;
  graphql: Summary;
  driver: Summary;
  ratio: { median: number; p95: number };
  stoppedEarly: boolean;
  mismatches: string[];
}

interface BenchCase {
  name: string;
  inputs: unknown[];
  /** One operation over GraphQL; returns a small digest of the answer to compare with the driver's. */
  graphql(input: unknown): Promise<string>;
  driver(input: unknown): Promise<string>;
}

const NEIGHBOURHOOD_QUERY = `query($id: ID!, $depth: Int) {
  neighbourhood(id: $id, depth: $depth) { nodes { id kind label } edges { id type source target } truncated } }`;
const PATH_QUERY = `query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { length nodes { id } text } }`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      nodes: { type: 'string' },
      seed: { type: 'string' },
      inputs: { type: 'string' },
      warmup: { type: 'string' },
      repeats: { type: 'string' },
      'case-seconds': { type: 'string' },
    },
  });
  const options: BenchOptions = {
    nodes: intOption('nodes', values.nodes, 100_000, 1_000),
    seed: intOption('seed', values.seed, 42, 0),
    inputs: intOption('inputs', values.inputs, 20),
    warmup: intOption('warmup', values.warmup, 1, 0),
    repeats: intOption('repeats', values.repeats, 5),
    caseSeconds: intOption('case-seconds', values['case-seconds'], 60),
  };

  const rootDir = repositoryRoot();
  const logger = createLogger({ logLevel: 'warn' });
  const started = Date.now();
  const line = (text: string) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${text}\n`);

  const dataDir = tempDataDir('bench-neo4j');
  let neo4j: EmbeddedNeo4j | undefined;
  let server: RunningServer | undefined;
  let driver: Driver | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await server?.stop().catch(() => undefined);
      await driver?.close().catch(() => undefined);
      await neo4j?.stop().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    line(`${signal}: stopping and removing the benchmark Neo4j`);
    void cleanUp().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const boltPort = await freePort();
    const neo4jConfig = loadConfig(
      { NODE_ENV: 'test', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(boltPort), NEO4J_PAGECACHE_MB: '512', NEO4J_HEAP_MB: '1536' },
      rootDir,
    );
    line(`starting a throwaway Neo4j on port ${boltPort} (${dataDir})`);
    neo4j = await startEmbeddedNeo4j(neo4jConfig.neo4j.embedded, rootDir, logger);

    const database = await openDatabase({ ...neo4jConfig, neo4j: { ...neo4jConfig.neo4j, uri: neo4j.uri } }, logger);
    let report: GenerateReport;
    try {
      await applyMigrations(database.library, database.cypher, logger);
      report = await generateSyntheticGraph(database.cypher, { nodes: options.nodes, seed: options.seed, onProgress: line });
    } finally {
      await database.close();
    }

    server = await startServer(
      loadConfig({ NEO4J_URI: neo4j.uri, PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_ON_EMPTY: 'false' }, rootDir),
    );
    line(`server listening on ${server.url}`);
    driver = createDriver({ uri: neo4j.uri, user: server.config.neo4j.user, password: server.config.neo4j.password }, logger);
    const raw = new RawDriverReader(driver, server.database.library, server.config.neo4j.database);
    const walk: WalkContext = { cypher: raw, timeoutMs: server.config.queryTimeoutMs };
    const url = `${server.url}/graphql`;

    const pairs = syntheticPairs({ nodes: options.nodes, seed: options.seed }, options.inputs);
    const centres = pairs.map(([from]) => from);
    const cases: BenchCase[] = [1, 2].map((depth) => ({
      name: `neighbourhood depth ${depth}`,
      inputs: centres,
      graphql: async (id) => {
        const data = await postGraphql(url, NEIGHBOURHOOD_QUERY, { id, depth });
        return `${data.neighbourhood.nodes.length}/${data.neighbourhood.edges.length}/${data.neighbourhood.truncated}`;
      },
      driver: async (id) => {
        const result = await neighbourhood(walk, neighbourhoodRequest({ id: id as string, depth }));
        return `${result.nodes.length}/${result.edges.length}/${result.truncated}`;
      },
    }));
    cases.push({
      name: 'shortestPath',
      inputs: pairs,
      graphql: async (pair) => {
        const [from, to] = pair as [string, string];
        const data = await postGraphql(url, PATH_QUERY, { from, to });
        return String(data.shortestPath?.length ?? 'none');
      },
      driver: async (pair) => {
        const [from, to] = pair as [string, string];
        const result = await shortestPath(walk, pathRequest('shortestPath', { from, to }));
        return String(result?.length ?? 'none');
      },
    });

    const results: CaseResult[] = [];
    for (const benchCase of cases) {
      results.push(await runCase(benchCase, options, raw, line));
    }

    printTable(results);
    const output = {
      generatedAt: new Date().toISOString(),
      command: 'npm run bench',
      options,
      machine: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null },
      neo4j: { version: neo4j.version, heapMb: 1536, pageCacheMb: 512 },
      graph: {
        nodes: report.nodes,
        relationships: report.relationships,
        checksum: report.checksum,
        planMs: report.planMs,
        writeMs: report.writeMs,
      },
      method:
        'Latency per operation in ms. graphql = POST /graphql over HTTP on 127.0.0.1 (keep-alive), parsed JSON. driver = the same named Cypher statements with the same parameters, in the resolver\'s order, through a bare neo4j-driver session (executeRead), results converted to objects. One warm-up pass, then repeated passes alternating which side runs first.',
      cases: results,
      totalSeconds: Math.round((Date.now() - started) / 100) / 10,
    };
    const resultsDir = path.join(rootDir, 'bench', 'results');
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(output, null, 2)}\n`);
    line(`results written to ${path.relative(process.cwd(), path.join(resultsDir, 'latest.json')) || 'bench/results/latest.json'}`);
  } finally {
    line('stopping the server and removing the benchmark Neo4j');
    await cleanUp();
  }
}

async function runCase(
  benchCase: BenchCase,
  options: BenchOptions,
  raw: RawDriverReader,
  line: (text: string) => void,
): Promise<CaseResult> {
  const deadline = Date.now() + options.caseSeconds * 1000;
  const mismatches: string[] = [];

  // Warm-up (not measured): also checks that both sides give the same answer, and counts the statements.
  let statements = 0;
  for (let pass = 0; pass < Math.max(1, options.warmup); pass += 1) {
    for (const input of benchCase.inputs) {
      const before = raw.statements;
      const viaDriver = await benchCase.driver(input);
      if (pass === 0) statements += raw.statements - before;
      const viaGraphql = await benchCase.graphql(input);
      if (pass === 0 && viaDriver !== viaGraphql) mismatches.push(`${JSON.stringify(input)}: graphql ${viaGraphql}, driver ${viaDriver}`);
    }
  }

  const graphql: number[] = [];
  const driver: number[] = [];
  let stoppedEarly = false;
  outer: for (let pass = 0; pass < options.repeats; pass += 1) {
    for (const input of benchCase.inputs) {
      if (Date.now() > deadline) {
        stoppedEarly = true;
        break outer;
      }
      const order = pass % 2 === 0 ? (['graphql', 'driver'] as const) : (['driver', 'graphql'] as const);
      for (const side of order) {
        const t0 = process.hrtime.bigint();
        await benchCase[side](input);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        (side === 'graphql' ? graphql : driver).push(ms);
      }
    }
  }
  const g = summarize(graphql);
  const d = summarize(driver);
  const result: CaseResult = {
    name: benchCase.name,
    inputs: benchCase.inputs.length,
    statementsPerOperation: Math.round((statements / benchCase.inputs.length) * 100) / 100,
    graphql: g,
    driver: d,
    ratio: { median: round2(g.median / d.median), p95: round2(g.p95 / d.p95) },
    stoppedEarly,
    mismatches,
  };
  line(
    `${benchCase.name}: graphql median ${g.median} ms p95 ${g.p95} ms | driver median ${d.median} ms p95 ${d.p95} ms | ratio ${result.ratio.median} (p95 ${result.ratio.p95}), ${g.samples} samples${stoppedEarly ? ' (time budget reached)' : ''}${mismatches.length ? `, ${mismatches.length} MISMATCHES` : ''}`,
  );
  return result;
}

function printTable(results: CaseResult[]): void {
  const rows = [
    ['case', 'samples', 'stmts/op', 'graphql median', 'graphql p95', 'driver median', 'driver p95', 'ratio median', 'ratio p95'],
    ...results.map((r) => [
      r.name,
      String(r.graphql.samples),
      String(r.statementsPerOperation),
      `${r.graphql.median} ms`,
      `${r.graphql.p95} ms`,
      `${r.driver.median} ms`,
      `${r.driver.p95} ms`,
      String(r.ratio.median),
      String(r.ratio.p95),
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  process.stdout.write('\n');
  for (const row of rows) process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}\n`);
  process.stdout.write('\n');
}

/** Named statements of the project's CypherLibrary run through a bare driver session, as plain rows. */
class RawDriverReader {
  statements = 0;

  constructor(
    private readonly driver: Driver,
    private readonly library: CypherLibrary,
    private readonly database: string,
  ) {}

  async read(name: string, params: Params = {}, timeoutMs?: number): Promise<Row[]> {
    const text = this.library.get(name);
    this.statements += 1;
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'READ' });
    try {
      const result = await session.executeRead((tx) => tx.run(text, params), timeoutMs ? { timeout: timeoutMs } : undefined);
      return result.records.map((record) => record.toObject() as Row);
    } finally {
      await session.close();
    }
  }
}

async function postGraphql(url: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors[0].message}`);
  return body.data;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
