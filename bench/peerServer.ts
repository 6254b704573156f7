import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import http from 'node:http';
import neo4j from 'neo4j-driver';
import { peerSchema } from './peerLibrary';

/**
 * The peer's server, run by the benchmark as a child process of its own (as ours is), so neither shares an
 * event loop with the load generator: @neo4j/graphql's schema in Apollo Server 5 on the same Express 5
 * integration as ours, on 127.0.0.1:$PEER_PORT, against $NEO4J_URI. Prints `PEER_READY <url>` once it listens;
 * stops on SIGTERM, which processes.ts (and, should the benchmark die, exitWithParent) sends.
 */
async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  const port = Number(process.env.PEER_PORT);
  if (!uri || !Number.isInteger(port)) throw new Error('peerServer needs NEO4J_URI and PEER_PORT.');

  // The library's own driver with the driver's defaults, as its documentation sets it up (the embedded Neo4j has auth off).
  const driver = neo4j.driver(uri);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({
    schema: await peerSchema(driver),
    introspection: false,
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, '127.0.0.1', resolve);
  });
  process.stdout.write(`PEER_READY http://127.0.0.1:${port}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void apollo
      .stop()
      .then(() => driver.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`peerServer: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
