import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context';

/**
 * Ties the operation's reader to the operation: Neo4j's transaction metadata carries the operation name, and
 * the read transaction is closed once the response is ready, whatever happened. The answer does not wait for
 * that close: a read transaction has nothing to commit, and waiting would add a round trip to Neo4j (COMMIT and
 * its acknowledgement) to every operation's latency. `close()` logs its own failures and never rejects.
 */
export function operationLifecyclePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, contextValue }) {
          contextValue.cypher.operationName = operationName ?? undefined;
        },
        async willSendResponse({ contextValue }) {
          void contextValue.cypher.close();
        },
      };
    },
  };
}
