import type { AppConfig } from '../config';
import { openDatabase, waitForNeo4j, type Database } from '../db/database';
import { EmbeddedNeo4jError } from '../db/embeddedNeo4j';
import type { Logger } from '../logger';

/**
 * The database a one-shot command (`npm run keys|import|export`) works on: NEO4J_URI, or the embedded store —
 * and when that store is in use (`npm start` is running with the same environment), the running server's
 * Neo4j at its Bolt port, so the command works beside the server instead of failing on a busy port.
 */
export async function connectForCommand(command: string, config: AppConfig, logger: Logger): Promise<Database> {
  try {
    return await ready(await openDatabase(config, logger), 30_000);
  } catch (error) {
    if (config.neo4j.uri || !(error instanceof EmbeddedNeo4jError && /already in use|lock/i.test(error.message))) throw error;
    const uri = `bolt://127.0.0.1:${config.neo4j.embedded.boltPort}`;
    process.stderr.write(`${command}: the embedded store is in use (is \`npm start\` running?); using its Neo4j at ${uri}\n`);
    try {
      return await ready(await openDatabase({ ...config, neo4j: { ...config.neo4j, uri } }, logger), 5_000);
    } catch {
      throw new EmbeddedNeo4jError(
        `The embedded store in ${config.neo4j.embedded.dataDir} is locked and no Neo4j answers at ${uri}. ` +
          'Set NEO4J_BOLT_PORT to the running server\'s, set NEO4J_URI, or stop the server.',
      );
    }
  }
}

async function ready(database: Database, timeoutMs: number): Promise<Database> {
  try {
    await waitForNeo4j(database, timeoutMs);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
