import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../graphql/context';

/**
 * Every error of an answer carries the request's id in `extensions.requestId`, the id of its log lines and of
 * its `X-Request-Id` header, so a client reporting an error hands over what finds it in the logs.
 */
export function requestIdInErrorsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const { errors } = response.body.singleResult;
          if (!errors) return;
          response.body.singleResult.errors = errors.map((error) => ({ ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }));
        },
      };
    },
  };
}
