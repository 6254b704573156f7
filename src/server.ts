import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import http from 'node:http';
import path from 'node:path';
import { createAuthServices } from './auth';
import type { AppConfig, SafelistConfig } from './config';
import { openDatabase, waitForNeo4j, type Database } from './db/database';
import { applyMigrations } from './db/migrations';
import { numberPending } from './writes/history';
import { createErrorFormatter } from './errors';
import { createRequestContext, requestIdFrom, type RequestContext } from './graphql/context';
import { operationLifecyclePlugin } from './graphql/operationLifecycle';
import { costLimitPlugin } from './graphql/costPlugin';
import { cacheHintPlugins } from './graphql/cacheHints';
import { ResponseCacheStore, responseCachePlugins, watchChangeFeed } from './graphql/responseCache';
import { loadSafelist, persistedQueriesWithSafelist, SafelistError, safelistPlugin, type Safelist } from './graphql/safelist';
import { loadSizeArguments } from './graphql/costSchema';
import { LIMITS } from './limits';
import { createResolvers } from './graphql/resolvers';
import { loadTypeDefs } from './graphql/typeDefs';
import { jsonBodyErrorHandler } from './http/bodyErrors';
import { createExportRouter } from './http/export';
import { createImportRouter } from './http/import';
import { createCorsMiddleware } from './http/cors';
import { jsonErrorStatusPlugin } from './http/jsonErrorStatus';
import { createMetrics } from './http/metrics';
import { requestIdMiddleware } from './http/requestId';
import { requestIdInErrorsPlugin } from './http/requestIdPlugin';
import { createRequestLogger } from './http/requestLog';
import { createHealthRouter } from './http/health';
import { createWebPagesRouter } from './http/webPages';
import { createLogger, type Logger } from './logger';
import { seedIfEmpty } from './seed/seedIfEmpty';

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  apollo: ApolloServer<RequestContext>;
  logger: Logger;
  config: AppConfig;
  /** The in-process response cache (absent with RESPONSE_CACHE=false). */
  responseCache?: ResponseCacheStore;
  stop(): Promise<void>;
}

export class StartupError extends Error {}

/**
 * Builds everything once — database, schema, HTTP app — and listens. The returned `stop` drains HTTP,
 * then closes the driver and the embedded Neo4j, in that order.
 */
export async function startServer(config: AppConfig, logger = createLogger(config)): Promise<RunningServer> {
  const database = await openDatabase(config, logger);
  try {
    await waitForNeo4j(database, 30_000);
    await applyMigrations(database.library, database.cypher, logger);
    // Changes a process committed but could not number (it died, or Neo4j went away between the two) join the feed.
    await numberPending(database.cypher);
    if (config.seedOnEmpty) await seedIfEmpty(config.rootDir, database.cypher, logger);

    const auth = createAuthServices(config.auth, database.cypher, logger);
    const metrics = createMetrics();
    const stopObservingStatements = metrics.observeStatements(database.cypher.observers);
    const safelist = config.safelist ? loadSafelistOrStop(config.safelist) : undefined;
    if (safelist) logger.info({ operations: safelist.size }, 'safelist mode: only listed operations run');
    const responseCache = config.caching.responseCache ? new ResponseCacheStore(config.caching.responseCacheMaxBytes) : undefined;
    const stopWatchingFeed = responseCache ? watchChangeFeed(database.cypher, responseCache, config.caching, logger) : () => undefined;
    // Apollo's default APQ store, bounded the same way (about 30 MB), which in safelist mode also knows the listed operations.
    const persistedQueryStore = new InMemoryLRUCache<string>({ maxSize: 30 * 1024 * 1024 });
    const app = express();
    app.disable('x-powered-by');
    app.use(requestIdMiddleware);
    app.use(createRequestLogger(logger));
    // Before every router: Express answers OPTIONS itself for any path that has a GET route (`Allow: GET, HEAD`).
    app.use('/graphql', createCorsMiddleware(config.cors));
    const httpServer = http.createServer(app);
    const apollo = new ApolloServer<RequestContext>({
      typeDefs: loadTypeDefs(config.rootDir),
      resolvers: createResolvers({ auth }),
      formatError: createErrorFormatter(logger),
      includeStacktraceInErrorResponses: false,
      // main.ts owns SIGTERM/SIGINT: it stops Apollo, the driver and the embedded Neo4j in order.
      stopOnTerminationSignals: false,
      introspection: config.graphiqlEnabled || config.env !== 'production',
      hideSchemaDetailsFromClientErrors: config.env === 'production',
      maxRecursiveSelections: LIMITS.request.maxRecursiveSelections,
      parseOptions: { maxTokens: LIMITS.request.maxTokens },
      persistedQueries: { cache: safelist ? persistedQueriesWithSafelist(persistedQueryStore, safelist) : persistedQueryStore },
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        ApolloServerPluginLandingPageDisabled(),
        ...cacheHintPlugins(config.caching.maxAgeSeconds),
        operationLifecyclePlugin(),
        ...(safelist ? [safelistPlugin(safelist)] : []),
        costLimitPlugin(config.cost, loadSizeArguments(config.rootDir)),
        jsonErrorStatusPlugin(),
        requestIdInErrorsPlugin(),
        metrics.plugin(),
        ...(responseCache ? responseCachePlugins(responseCache) : []),
      ],
    });
    await apollo.start();

    // The web pages first (a browser's GET /graphql goes to GraphiQL), then /graphql before the other routers:
    // every answer passes the routers registered before it.
    app.use(createWebPagesRouter({ graphiqlEnabled: config.graphiqlEnabled, webRoot: path.join(config.rootDir, 'dist', 'web') }));
    app.use(
      '/graphql',
      express.json({ limit: LIMITS.request.maxBodyBytes }),
      expressMiddleware(apollo, {
        context: async ({ req, res }) => {
          const requestId = requestIdFrom(req.headers['x-request-id']);
          res.setHeader('X-Request-Id', requestId);
          // Thrown here, an UNAUTHENTICATED error becomes Apollo's error response: its status and challenge from `extensions.http`.
          const viewer = await auth.authenticate(req.headers.authorization);
          return createRequestContext({ runner: database.cypher, logger, budgetMs: config.queryTimeoutMs, requestId, viewer });
        },
      }),
    );
    app.use(createHealthRouter(database.driver));
    app.use(createExportRouter(database.cypher, logger));
    app.use(createImportRouter(database.cypher, auth, logger));
    app.use(metrics.router());
    app.use(jsonBodyErrorHandler);

    const port = await listen(httpServer, config.port, config.host);
    const url = `http://${config.host}:${port}`;
    logger.info({ url, graphiql: config.graphiqlEnabled ? `${url}/graphiql` : 'disabled' }, 'GeoCoop Graph is listening');
    return {
      url,
      port,
      database,
      apollo,
      logger,
      config,
      responseCache,
      async stop() {
        stopWatchingFeed();
        logger.info('draining HTTP');
        await apollo.stop();
        stopObservingStatements();
        logger.info('closing the database');
        await database.close();
        logger.info('stopped');
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** A missing or malformed manifest stops the start with its one line (main.ts prints StartupErrors as they are). */
function loadSafelistOrStop(config: SafelistConfig): Safelist {
  try {
    return loadSafelist(config);
  } catch (error) {
    throw error instanceof SafelistError ? new StartupError(error.message) : error;
  }
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new StartupError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} on ${host} is already in use. Set PORT to a free port (or stop what uses it).`
            : `Cannot listen on ${host}:${port}: ${error.message}`,
        ),
      );
    });
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
