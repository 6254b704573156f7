import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import { CypherLibrary } from './cypherLibrary';
import { CypherRunner } from './cypherRunner';
import { createDriver } from './driver';
import { StatementObservers } from './statementObserver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embeddedNeo4j';

/** The database side of the process: the Neo4j it uses (embedded or remote), its one driver, named Cypher. */
export interface Database {
  driver: Driver;
  cypher: CypherRunner;
  library: CypherLibrary;
  embedded?: EmbeddedNeo4j;
  close(): Promise<void>;
}

export async function openDatabase(config: AppConfig, logger: Logger): Promise<Database> {
  const library = CypherLibrary.load(path.join(config.rootDir, 'cypher'));
  const embedded = config.neo4j.uri
    ? undefined
    : await startEmbeddedNeo4j(config.neo4j.embedded, config.rootDir, logger);
  const driver = createDriver(
    { uri: config.neo4j.uri ?? embedded!.uri, user: config.neo4j.user, password: config.neo4j.password },
    logger,
  );
  const cypher = new CypherRunner(driver, library, config.neo4j.database, config.queryTimeoutMs, logger, new StatementObservers());
  return {
    driver,
    cypher,
    library,
    embedded,
    async close() {
      await driver.close();
      logger.info('driver closed');
      await embedded?.stop();
    },
  };
}

/** Waits until Neo4j answers, so start-up fails with one clear line rather than on the first request. */
export async function waitForNeo4j(database: Database, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await database.driver.getServerInfo();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`Neo4j is not reachable (${(error as Error).message}). Check NEO4J_URI and that Neo4j is running.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
