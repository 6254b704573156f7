import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import type { RequestContext } from './context';

/**
 * Cache hints: every field may be cached for `maxAgeSeconds` (Apollo's `defaultMaxAge`; the SDL carries no
 * `@cacheControl`, so one number governs the whole public graph). A mutation's answer is never cacheable, and
 * an authenticated request's answer is `private` (a shared cache must not hand it to someone else).
 */
export function cacheHintPlugins(maxAgeSeconds: number): ApolloServerPlugin<RequestContext>[] {
  return [
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, overallCachePolicy }) {
            // Restricted before execution, the policy stays as it is: no field hint is collected.
            if (operation?.operation !== 'query') overallCachePolicy.restrict({ maxAge: 0 });
          },
          // Before the cache-control plugin's own willSendResponse writes the header (so this plugin comes first);
          // restricting the scope earlier would also stop it collecting the fields' maxAge.
          async willSendResponse({ overallCachePolicy, contextValue }) {
            if (contextValue.viewer.kind !== 'anonymous') overallCachePolicy.restrict({ scope: 'PRIVATE' });
          },
        };
      },
    },
    ApolloServerPluginCacheControl({ defaultMaxAge: maxAgeSeconds }),
  ];
}
