import { ConfigError, loadConfig, type TracingConfig } from './config';
import { EmbeddedNeo4jError } from './db/embeddedNeo4j';
import { createLogger } from './logger';
import type { Tracing } from './telemetry/tracing';

// Loaded only after tracing has started (see `main`): the server's imports bring in http, express and graphql.
type ServerModule = typeof import('./server');
let serverModule: ServerModule | undefined;

/**
 * The OpenTelemetry SDK, started before the server module loads: its instrumentations patch http, express and
 * graphql as they are first required. Required lazily, so with tracing off no OpenTelemetry module is loaded at all.
 */
function startTracing(config: TracingConfig): Tracing {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy, ordered load is the point here
  const telemetry = require('./telemetry/tracing') as typeof import('./telemetry/tracing');
  return telemetry.startTracing(config);
}

/** `npm start`: configuration → (tracing) → server → graceful shutdown on SIGTERM/SIGINT. Start failures are one line. */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const logger = createLogger(config);
  const tracing = config.tracing ? startTracing(config.tracing) : undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- must load after startTracing, see above
  serverModule = require('./server') as ServerModule;
  const { startServer } = serverModule;
  const start = () => startServer(config, logger);
  const server = await (tracing ? tracing.untraced(start) : start());
  const stopStatementSpans = tracing?.observeStatements(server.database.cypher.observers);
  if (config.tracing) logger.info({ exporter: config.tracing.exporter, protocol: config.tracing.protocol, endpoint: config.tracing.endpoint }, 'tracing on');
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
    server
      .stop()
      .then(async () => {
        stopStatementSpans?.();
        // The spans of the last requests are still in the batch: sent before the process ends.
        await tracing?.shutdown().catch((error: unknown) => logger.warn({ err: error }, 'sending the last spans failed'));
      })
      .then(
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
  const known =
    error instanceof ConfigError ||
    error instanceof EmbeddedNeo4jError ||
    (serverModule !== undefined && error instanceof serverModule.StartupError);
  process.stderr.write(`geocoop-graph: ${known ? (error as Error).message : `failed to start: ${String((error as Error)?.message ?? error)}`}\n`);
  process.exit(1);
});
