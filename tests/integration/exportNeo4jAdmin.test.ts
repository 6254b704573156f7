import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import neo4jDriver, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/database';
import { launcherDir, resolveJava, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embeddedNeo4j';
import { applyMigrations } from '../../src/db/migrations';
import { openExport, type ExportFormat } from '../../src/export';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../src/graph/vocabulary';
import { createLogger } from '../../src/logger';
import { unzipText } from '../helpers/exportFiles';
import { freePort, REPO_ROOT, tempDataDir } from '../helpers/testNeo4j';
import { testConfig } from '../helpers/testConfig';

/**
 * The CSV export loaded by the real `neo4j-admin database import full` of our Neo4j (its import tool ships on the
 * launcher's classpath, tools/neo4j/target/lib), with the command the zip's IMPORT.txt gives, into a store of its
 * own; then that store, started as our embedded Neo4j, is compared with the seeded one it came from.
 */
const SETUP_TIMEOUT_MS = 300_000;
const logger = createLogger({ logLevel: 'warn' });

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

async function exportBytes(database: Database, format: ExportFormat): Promise<Buffer> {
  return readAll((await openExport(database.cypher, format, null)).stream);
}

interface Canonical {
  nodes: string[];
  relationships: string[];
}

/** Every entity and relationship of the allow-lists with all its properties, as sorted canonical JSON lines. */
async function canonicalGraph(driver: Driver): Promise<Canonical> {
  const sorted = (value: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))));
  const nodes = await driver.executeQuery(
    'MATCH (n:Entity) RETURN [l IN labels(n) WHERE l IN $labels] AS labels, properties(n) AS props',
    { labels: NODE_LABELS },
  );
  const relationships = await driver.executeQuery(
    'MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) IN $types RETURN type(r) AS type, a.uid AS start, b.uid AS end, properties(r) AS props',
    { types: RELATIONSHIP_TYPES },
  );
  return {
    nodes: nodes.records.map((record) => `${String(record.get('labels'))} ${sorted(record.get('props'))}`).sort(),
    relationships: relationships.records.map((record) => `${record.get('start')} ${record.get('type')} ${record.get('end')} ${sorted(record.get('props'))}`).sort(),
  };
}

describe('the CSV export through neo4j-admin database import', () => {
  const workDir = tempDataDir('export-admin');
  const home = path.join(workDir, 'home');
  const csvDir = path.join(workDir, 'csv');
  let source: Database;
  let imported: EmbeddedNeo4j | undefined;
  let importedDatabase: Database | undefined;
  let importedDriver: Driver;
  let importOutput = '';
  let importStatus: number | null = null;

  beforeAll(async () => {
    source = await openDatabase(testConfig(), logger);
    const files = await unzipText(await exportBytes(source, 'csv'));
    for (const [name, text] of files) {
      fs.mkdirSync(path.dirname(path.join(csvDir, name)), { recursive: true });
      fs.writeFileSync(path.join(csvDir, name), text);
    }
    // IMPORT.txt's command as written, with `neo4j-admin` standing for the admin tool of the launcher's classpath.
    const command = files.get('IMPORT.txt')!.split('\n\n')[1];
    const classpath = path.join(launcherDir(REPO_ROOT), 'target', 'lib', '*');
    fs.mkdirSync(path.join(home, 'conf'), { recursive: true });
    const result = spawnSync('bash', ['-c', `neo4j-admin() { "$JAVA" -cp "$CLASSPATH" org.neo4j.cli.AdminTool "$@"; }\n${command}`], {
      cwd: csvDir,
      encoding: 'utf8',
      timeout: 240_000,
      env: { PATH: process.env.PATH, JAVA: resolveJava(undefined), CLASSPATH: classpath, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') },
    });
    importStatus = result.status;
    importOutput = `${result.stdout}${result.stderr}`;
    if (importStatus !== 0) return;

    const config = loadConfig({ NODE_ENV: 'test', NEO4J_DATA_DIR: home, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_PAGECACHE_MB: '128', NEO4J_HEAP_MB: '512' }, REPO_ROOT);
    imported = await startEmbeddedNeo4j(config.neo4j.embedded, REPO_ROOT, logger);
    importedDatabase = await openDatabase({ ...config, queryTimeoutMs: 30_000, neo4j: { ...config.neo4j, uri: imported.uri } }, logger);
    await applyMigrations(importedDatabase.library, importedDatabase.cypher, logger);
    importedDriver = neo4jDriver.driver(imported.uri, undefined, { disableLosslessIntegers: true });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await importedDriver?.close();
    await importedDatabase?.close();
    await imported?.stop();
    await source?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('imports with the command IMPORT.txt gives, without a bad entry', () => {
    expect({ importStatus, importOutput }).toEqual({ importStatus: 0, importOutput: expect.stringContaining('IMPORT DONE') });
    expect(importOutput).not.toMatch(/bad entr(y|ies)[^\n]*[1-9]/i);
  });

  it('gives a store with the same entities, relationships and typed properties as the graph it was exported from', async () => {
    const original = await canonicalGraph(source.driver);
    const copy = await canonicalGraph(importedDriver);
    expect(copy.nodes.length).toBe(original.nodes.length);
    expect(copy.relationships.length).toBe(original.relationships.length);
    expect(copy).toEqual(original);
  });

  it('exports nothing of labels or relationship types outside the vocabulary, even on :Entity nodes', async () => {
    await importedDriver.executeQuery(
      `MATCH (cgs:Organization {key: 'cgs'})
       CREATE (:ApiKey {uid: 'ApiKey:export-probe', key: 'export-probe', name: 'ApiKeyProbe'})
       CREATE (cgs)-[:CHANGED_IN {id: 'probe-change'}]->(:HistoryRecord {uid: 'HistoryRecord:export-probe', key: 'export-probe', name: 'HistoryProbe'})
       CREATE (cgs)-[:CURATED_WITH {id: 'probe-curation'}]->(:Entity:Draft {uid: 'Draft:export-probe', key: 'export-probe', name: 'DraftProbe'})
       WITH cgs MATCH (other:Organization) WHERE other <> cgs WITH cgs, other LIMIT 1
       CREATE (cgs)-[:LINKED_BY_PROBE {id: 'probe-link'}]->(other)`,
    );
    const before = await canonicalGraph(importedDriver);
    for (const format of ['jsonld', 'graphml', 'csv'] as const) {
      const bytes = await exportBytes(importedDatabase!, format);
      const text = format === 'csv' ? [...(await unzipText(bytes)).entries()].map(([name, body]) => `${name}\n${body}`).join('\n') : bytes.toString('utf8');
      for (const foreign of ['ApiKey', 'HistoryRecord', 'Draft', 'CHANGED_IN', 'CURATED_WITH', 'LINKED_BY_PROBE', 'Probe', 'probe-']) {
        expect([format, foreign, text.includes(foreign)]).toEqual([format, foreign, false]);
      }
    }
    // The probe touched only what lies outside the allow-lists: the exported graph is the same as before it.
    expect(await canonicalGraph(importedDriver)).toEqual(before);
  });
});
