import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context';

/**
 * Ties the operation's reader to the operation: Neo4j's transaction metadata carries the operation name, and
 * the read transaction is closed once the response is ready, whatever happened.
 */
export function operationLifecyclePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, contextValue }) {
          contextValue.cypher.operationName = operationName ?? undefined;
        },
        async willSendResponse({ contextValue }) {
          await contextValue.cypher.close();
        },
      };
    },
  };
}
