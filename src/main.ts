import { ConfigError, loadConfig } from './config';
import { EmbeddedNeo4jError } from './db/embeddedNeo4j';
import { createLogger } from './logger';
import { startServer, StartupError } from './server';

/** `npm start`: configuration → server → graceful shutdown on SIGTERM/SIGINT. Start failures are one line. */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const logger = createLogger(config);
  const server = await startServer(config, logger);
  logger.info({ startupMs: Date.now() - startedAt }, 'ready');

  let stopping = false;
  // An embedded Neo4j that dies under us cannot come back by itself: exit, so a supervisor restarts both.
  void server.database.embedded?.exited.then((code) => {
    if (stopping) return;
    logger.fatal({ exitCode: code }, 'the embedded Neo4j exited unexpectedly; stopping');
    process.exit(1);
  });
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof EmbeddedNeo4jError || error instanceof StartupError;
  process.stderr.write(`geocoop-graph: ${known ? (error as Error).message : `failed to start: ${String((error as Error)?.message ?? error)}`}\n`);
  process.exit(1);
});
