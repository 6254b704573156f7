import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { startEmbeddedNeo4j } from '../src/db/embeddedNeo4j';
import { M49_REGION_CODES } from '../src/graph/model';
import { runImport } from '../src/import';
import { createLogger } from '../src/logger';
import { writeBenchGraph } from './graph';
import type { BenchOptions } from './options';
import { startChildServer } from './processes';
import { freePort, tempDataDir } from './support';

/**
 * `npm run bench -- --only export,import`: the bulk paths on the synthetic graph, in a throwaway Neo4j of their own.
 * Export: our server (a child process, as `npm start` runs it) streams the whole graph in every format over HTTP
 * while its RSS is sampled every 50 ms; growth is the highest sample less the RSS before the first download.
 * Import: the JSON Lines export is imported into the emptied store by `runImport` (validation on, as the CLI and
 * `POST /import` run it); throughput is entities + relationships written per second, parsing included.
 */
const EXPORTS = [
  ['jsonld', '/export/jsonld'],
  ['graphml', '/export/graphml'],
  ['csv', '/export/csv.zip'],
  ['jsonl', '/export/jsonl'],
] as const;

export const IMPORT_TARGET_PER_SECOND = 50_000;
export const EXPORT_RSS_TARGET_MB = 100;

export interface ExportFigure {
  format: string;
  bytes: number;
  seconds: number;
  rssBeforeMb: number;
  rssMaxMb: number;
  rssGrowthMb: number;
}

export interface ImportFigure {
  records: number;
  entities: number;
  relationships: number;
  seconds: number;
  perSecond: number;
  batches: number;
  ok: boolean;
}

export async function runImportExportBench(options: BenchOptions, rootDir: string, log: (line: string) => void): Promise<number> {
  const parts = options.only;
  const logger = createLogger({ logLevel: 'warn' });
  const dataDir = tempDataDir('bench-import-neo4j');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  const config = loadConfig({ NODE_ENV: 'test', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_PAGECACHE_MB: '512', NEO4J_HEAP_MB: '1536' }, rootDir);
  log(`import/export: starting a throwaway Neo4j (${dataDir})`);
  const embedded = await startEmbeddedNeo4j(config.neo4j.embedded, rootDir, logger);
  const exportsMeasured: ExportFigure[] = [];
  let imported: ImportFigure | null = null;
  try {
    const graph = await writeBenchGraph(embedded.uri, rootDir, options, logger, log);
    const port = await freePort();
    const server = await startChildServer({
      name: 'our server',
      rootDir,
      script: path.join('dist', 'src', 'main.js'),
      port,
      env: { NEO4J_URI: embedded.uri, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'false', GRAPHIQL_ENABLED: 'false' },
    });
    const jsonlFile = path.join(workDir, 'graph.jsonl');
    try {
      const base = server.url.replace(/\/graphql$/, '');
      const rssBefore = server.memory()?.rssMb ?? 0;
      const formats = parts.includes('export') ? EXPORTS : EXPORTS.filter(([format]) => format === 'jsonl');
      for (const [format, route] of formats) {
        let rssMax = server.memory()?.rssMb ?? 0;
        const sampler = setInterval(() => (rssMax = Math.max(rssMax, server.memory()?.rssMb ?? 0)), 50);
        const started = Date.now();
        const response = await fetch(`${base}${route}`);
        if (!response.ok || !response.body) throw new Error(`${route}: HTTP ${response.status}`);
        const file = format === 'jsonl' ? jsonlFile : path.join(workDir, `graph.${format}`);
        await pipeline(Readable.fromWeb(response.body as unknown as WebReadableStream), fs.createWriteStream(file));
        clearInterval(sampler);
        const figure = { format, bytes: fs.statSync(file).size, seconds: (Date.now() - started) / 1000, rssBeforeMb: rssBefore, rssMaxMb: rssMax, rssGrowthMb: Math.round((rssMax - rssBefore) * 10) / 10 };
        if (parts.includes('export')) exportsMeasured.push(figure);
        log(`export ${format}: ${figure.bytes} bytes in ${figure.seconds.toFixed(1)} s; server RSS ${rssBefore} → at most ${rssMax} MB (+${figure.rssGrowthMb} MB)`);
        if (format !== 'jsonl') fs.rmSync(file);
      }
    } finally {
      await server.stop();
    }

    if (parts.includes('import')) {
      const database = await openDatabase(loadConfig({ NEO4J_URI: embedded.uri, NODE_ENV: 'test', LOG_LEVEL: 'silent' }, rootDir), logger);
      try {
        log('import: emptying the store');
        // CALL … IN TRANSACTIONS runs only in an implicit (auto-commit) transaction: session.run, not executeQuery.
        const session = database.driver.session();
        try {
          await session.run('MATCH (n:Entity) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS', {}, { timeout: 600_000 });
        } finally {
          await session.close();
        }
        const adapted = adaptSynthetic(jsonlFile, path.join(workDir, 'importable.jsonl'));
        log(`import: the export made importable: ${adapted.regions} synthetic region keys mapped onto UN M49 codes (${adapted.folded} folded onto a code already taken), ${adapted.parallel} parallel relationships (same type and ends) left out`);
        const importFile = adapted.file;
        log(`import: ${path.basename(importFile)} (${fs.statSync(importFile).size} bytes) into the empty store, validation on`);
        const started = Date.now();
        const report = await runImport(database.cypher, {
          files: [{ name: 'importable.jsonl', format: 'jsonl', bytes: fs.createReadStream(importFile) }],
          principal: { kind: 'principal', id: 'system:bench', name: 'npm run bench', role: 'admin', via: 'system' },
        });
        const seconds = (Date.now() - started) / 1000;
        const written = report.counts.entitiesCreated + report.counts.relationshipsCreated + report.counts.entitiesUpdated + report.counts.relationshipsUpdated;
        imported = {
          records: report.records,
          entities: report.counts.entitiesCreated,
          relationships: report.counts.relationshipsCreated,
          seconds,
          perSecond: Math.round(written / seconds),
          batches: report.batches,
          ok: report.ok,
        };
        if (!report.ok) log(`import: refused or failed: ${JSON.stringify(report.problems.slice(0, 3))} ${report.failure?.message ?? ''}`);
        log(`import: ${imported.entities} entities + ${imported.relationships} relationships in ${seconds.toFixed(1)} s = ${imported.perSecond} per second (${report.batches} batches)`);
      } finally {
        await database.close();
      }
    }
    const exportOk = exportsMeasured.every((figure) => figure.rssGrowthMb < EXPORT_RSS_TARGET_MB);
    const importOk = !parts.includes('import') || (imported !== null && imported.ok && imported.perSecond >= IMPORT_TARGET_PER_SECOND);
    const out = path.join(path.dirname(options.out), 'import-export.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      `${JSON.stringify(
        {
          generatedAt: new Date().toISOString(),
          command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
          machine: { cpus: os.cpus().length, node: process.version, loadAverage1m: os.loadavg()[0] },
          graph: { nodes: graph.nodes, relationships: graph.relationships },
          exports: exportsMeasured,
          import: imported,
          targets: { importPerSecond: IMPORT_TARGET_PER_SECOND, exportRssGrowthMb: EXPORT_RSS_TARGET_MB, importMet: parts.includes('import') ? importOk : null, exportMet: exportsMeasured.length > 0 ? exportOk : null },
        },
        null,
        2,
      )}\n`,
    );
    log(`import/export results written to ${path.relative(rootDir, out)}`);
    return importOk && exportOk ? 0 : 1;
  } finally {
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * The synthetic generator writes around the write rules in two ways an import refuses: its regions are keyed
 * `syn-region-N`, not by UN M49 codes, and it makes parallel relationships (one type, the same ends). The copy
 * imported maps each region onto an M49 code — on a large graph there are more synthetic regions than codes, so
 * later regions fold onto codes already taken (their records left out) — and keeps the first of parallel
 * relationships; the counts are logged.
 */
export function adaptSynthetic(from: string, to: string): { file: string; regions: number; folded: number; parallel: number } {
  const codes = [...M49_REGION_CODES];
  const regionKeys = new Map<string, string>();
  const seen = new Set<string>();
  let parallel = 0;
  let folded = 0;
  const region = (uid: string) => (uid.startsWith('Region:') ? `Region:${regionKeys.get(uid.slice(7)) ?? uid.slice(7)}` : uid);
  const out: string[] = [];
  for (const line of fs.readFileSync(from, 'utf8').split('\n')) {
    if (line === '') continue;
    const record = JSON.parse(line) as { kind?: string; key?: string; type?: string; from?: string; to?: string };
    if (record.kind === 'Region' && record.key && !M49_REGION_CODES.has(record.key)) {
      const code = codes[regionKeys.size % codes.length];
      regionKeys.set(record.key, code);
      record.key = code;
      if (regionKeys.size > codes.length) {
        folded += 1;
        continue;
      }
    }
    if (record.type) {
      record.from = region(record.from!);
      record.to = region(record.to!);
      const identity = `${record.type} ${record.from} ${record.to}`;
      if (seen.has(identity)) {
        parallel += 1;
        continue;
      }
      seen.add(identity);
    }
    out.push(JSON.stringify(record));
  }
  fs.writeFileSync(to, `${out.join('\n')}\n`);
  return { file: to, regions: regionKeys.size, folded, parallel };
}
