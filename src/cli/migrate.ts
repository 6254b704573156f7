import { ConfigError, loadConfig } from '../config';
import { openDatabase, waitForNeo4j } from '../db/database';
import { EmbeddedNeo4jError } from '../db/embeddedNeo4j';
import { applyMigrations } from '../db/migrations';
import { createLogger } from '../logger';

/** `npm run db:migrate`: applies pending schema migrations and exits, without starting the server. */
async function migrate(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const database = await openDatabase(config, logger);
  try {
    await waitForNeo4j(database, 30_000);
    const report = await applyMigrations(database.library, database.cypher, logger);
    process.stdout.write(`migrations: ${report.applied.length} applied, ${report.alreadyApplied.length} already applied\n`);
  } finally {
    await database.close();
  }
}

migrate().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof EmbeddedNeo4jError;
  process.stderr.write(`db:migrate: ${known ? (error as Error).message : String((error as Error)?.message ?? error)}\n`);
  process.exit(1);
});
