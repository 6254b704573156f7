import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { connectForCommand } from './connect';
import { EmbeddedNeo4jError } from '../db/embeddedNeo4j';
import { AppError } from '../errors';
import { EXPORT_FORMAT_NAMES, exportFormat, openExport, subgraphRequest } from '../export';
import { createLogger } from '../logger';

/**
 * `npm run export -- --format jsonld|graphml|csv [--ids ID,ID…] [--depth N] --out FILE`: the same export as the
 * HTTP routes, written to a file (the JSON-LD context is inlined: a file has no server to point at).
 */
const USAGE = `usage: npm run export -- --format ${EXPORT_FORMAT_NAMES.join('|')} [--ids ID[,ID…]] [--depth N] --out FILE`;

async function runExport(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { format: { type: 'string' }, ids: { type: 'string', multiple: true }, depth: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  if (!values.format || !values.out) throw new UsageError(USAGE);
  const format = exportFormat(values.format, '--format');
  if (values.depth !== undefined && !/^\d{1,3}$/.test(values.depth)) throw new UsageError(`--depth must be a whole number.\n${USAGE}`);
  const ids = (values.ids ?? []).flatMap((value) => value.split(',')).map((id) => id.trim()).filter((id) => id.length > 0);
  const request = subgraphRequest(ids, values.depth === undefined ? undefined : Number(values.depth));

  const config = loadConfig();
  // The embedded Neo4j's start-up chatter is noise for a one-shot command; warnings and errors still show.
  const database = await connectForCommand('export', config, createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel }));
  try {
    const file = await openExport(database.cypher, format, request);
    const started = Date.now();
    await pipeline(file.stream, fs.createWriteStream(values.out));
    process.stderr.write(`export: ${format} written to ${values.out} (${fs.statSync(values.out).size} bytes, ${Date.now() - started} ms)\n`);
  } finally {
    await database.close();
  }
}

class UsageError extends Error {}

runExport(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof EmbeddedNeo4jError || error instanceof UsageError || error instanceof AppError;
  const code = error instanceof AppError ? ` [${String(error.extensions.code)}]` : '';
  process.stderr.write(`export: ${known ? (error as Error).message : String((error as Error)?.message ?? error)}${code}\n`);
  // parseArgs rejects an unknown or malformed option with a TypeError that has a code.
  if (error instanceof TypeError && 'code' in error) process.stderr.write(`${USAGE}\n`);
  process.exit(1);
});
