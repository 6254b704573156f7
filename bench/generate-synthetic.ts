import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { openDatabase, waitForNeo4j } from '../src/db/database';
import { applyMigrations } from '../src/db/migrations';
import { createLogger } from '../src/logger';
import { generateSyntheticGraph } from '../src/synthetic';
import { intOption, repositoryRoot } from './support';

/**
 * `npm run synthetic -- --nodes 100000 --seed 42 [--replace]`: writes the synthetic benchmark graph, after
 * applying the migrations. By default into its own embedded store, ./data/neo4j-synthetic, never into the
 * server's ./data/neo4j: reads do not filter :Synthetic out, so a synthetic graph in the real database would
 * mix into every answer. NEO4J_URI or NEO4J_DATA_DIR choose another database deliberately; a database holding
 * non-synthetic countries (a seeded one) is refused, since synthetic countries are keyed by real ISO codes. The
 * graph is labelled :Synthetic with `syn-` keys (countries: ISO codes); --replace deletes an earlier synthetic
 * graph first.
 * Prints one plain line per step.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      nodes: { type: 'string' },
      seed: { type: 'string' },
      replace: { type: 'boolean', default: false },
      'batch-size': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('usage: generate-synthetic [--nodes 100000] [--seed 42] [--replace] [--batch-size 10000]\n');
    return;
  }
  const nodes = intOption('nodes', values.nodes, 100_000, 1_000);
  const seed = intOption('seed', values.seed, 42, 0);
  const batchSize = intOption('batch-size', values['batch-size'], 10_000);

  const config = loadConfig({ NEO4J_DATA_DIR: './data/neo4j-synthetic', ...process.env }, repositoryRoot());
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const database = await openDatabase(config, logger);
  const started = Date.now();
  const line = (text: string) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${text}\n`);
  try {
    await waitForNeo4j(database, 30_000);
    await applyMigrations(database.library, database.cypher, logger);
    const report = await generateSyntheticGraph(database.cypher, { nodes, seed, batchSize, replace: values.replace, onProgress: line });
    line(`done: ${report.nodes} nodes, ${report.relationships} relationships, checksum ${report.checksum.slice(0, 16)}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`generate-synthetic: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
