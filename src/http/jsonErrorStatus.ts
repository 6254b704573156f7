import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
const APPLICATION_JSON = 'application/json';

/** True when the Accept header takes application/json and nothing else we could answer with. */
export function acceptsOnlyApplicationJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const acceptable = new Negotiator({ headers: { accept } }).mediaTypes([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]);
  return acceptable.length === 1 && acceptable[0] === APPLICATION_JSON;
}

/**
 * GraphQL over HTTP: a client that accepts only application/json (the legacy media type, whose clients read the
 * body, not the status) gets 200 for a well-formed request that failed to parse, validate or pass a limit; clients
 * that accept application/graphql-response+json (or anything) keep Apollo's 4xx. Requests that are not well-formed
 * (no query, bad JSON, CSRF) never reach this plugin and keep their 400; 401/403 and 5xx are left as they are.
 */
export function jsonErrorStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const onlyJson = acceptsOnlyApplicationJson(request.http?.headers.get('accept'));
      return {
        async willSendResponse({ response }) {
          if (onlyJson && response.http.status === 400) response.http.status = 200;
        },
      };
    },
  };
}
