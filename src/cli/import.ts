import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Principal } from '../auth/viewer';
import { ConfigError, loadConfig } from '../config';
import { connectForCommand } from './connect';
import { EmbeddedNeo4jError } from '../db/embeddedNeo4j';
import { applyMigrations } from '../db/migrations';
import { AppError } from '../errors';
import { columnsTable, formatOf, reportLines, resumePosition, runImport, type ImportFile } from '../import';
import { terminalProgress } from '../import/progress';
import { createLogger } from '../logger';

/**
 * `npm run import -- [--dry-run] [--resume-from LINE|FILE:LINE] [--json] FILE…`: JSON Lines (`.jsonl`, `.ndjson`)
 * and CSV files (`Kind.csv`, `RELATIONSHIP_TYPE.csv`) through the write rules into the graph the server's
 * environment names. `--columns` prints each CSV file's columns. Exit code 0: all written (or valid, in a dry
 * run); 1: rejected or failed (the report says where).
 */
const USAGE = 'usage: npm run import -- [--dry-run] [--resume-from LINE|FILE:LINE] [--json] FILE…   |   npm run import -- --columns';

class UsageError extends Error {}

export const CLI_PRINCIPAL: Principal = {
  kind: 'principal',
  id: 'system:import',
  name: `npm run import (${os.userInfo().username})`,
  role: 'admin',
  via: 'system',
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'dry-run': { type: 'boolean' }, 'resume-from': { type: 'string' }, columns: { type: 'boolean' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.columns) {
    process.stdout.write(`${columnsTable()}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(USAGE);
  const files: ImportFile[] = positionals.map((name) => {
    const format = formatOf(name);
    if (!format) throw new UsageError(`${name}: name a JSON Lines file .jsonl or .ndjson, a CSV file .csv.\n${USAGE}`);
    if (!fs.existsSync(name)) throw new UsageError(`${name}: no such file.`);
    return { name, format, bytes: fs.createReadStream(name) };
  });
  const resumeFrom = values['resume-from'] === undefined ? undefined : resumePosition(values['resume-from'], positionals);
  if (resumeFrom === null) throw new UsageError(`--resume-from takes LINE (of the first file) or FILE:LINE with FILE one of the files given.\n${USAGE}`);

  const config = loadConfig();
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const database = await connectForCommand('import', config, logger);
  try {
    // A store the server never opened lacks the uid constraint: without it every batch scans, and a concurrent
    // writer's entity is no longer refused. A dry run writes nothing, schema included.
    if (!values['dry-run']) await applyMigrations(database.library, database.cypher, logger);
    const report = await runImport(database.cypher, { files, principal: CLI_PRINCIPAL, dryRun: values['dry-run'], resumeFrom, progress: terminalProgress() });
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(`${reportLines(report).join('\n')}\n`);
    return report.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof EmbeddedNeo4jError || error instanceof UsageError || error instanceof AppError;
    const code = error instanceof AppError ? ` [${String(error.extensions.code)}]` : '';
    process.stderr.write(`import: ${known ? (error as Error).message : String((error as Error)?.message ?? error)}${code}\n`);
    if (error instanceof TypeError && 'code' in error) process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  },
);
