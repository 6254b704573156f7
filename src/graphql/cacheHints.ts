import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  type DocumentNode,
  type FieldNode,
  type FragmentSpreadNode,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';
import type { RequestContext } from './context';

/**
 * Cache hints: a query's answer may be cached for `maxAgeSeconds` (one number governs the whole public graph:
 * the SDL carries no `@cacheControl` and no resolver sets a dynamic hint). A mutation's answer is never
 * cacheable, an answer with errors neither, and an authenticated request's answer is `private` (a shared cache
 * must not hand it to someone else).
 *
 * Apollo's cache-control plugin would reach the same policy by wrapping every field's resolver to collect a
 * hint per field (a cost paid on every field of every answer); with one uniform hint the policy is known from
 * the operation alone, so it is set once here and Apollo's plugin is disabled.
 */
export function cacheHintPlugins(maxAgeSeconds: number): ApolloServerPlugin<RequestContext>[] {
  return [
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, document, request, overallCachePolicy }) {
            // As Apollo's plugin: only data fields carry hints, so an answer of `__typename` or introspection
            // alone is not cacheable.
            const cacheable = operation?.operation === 'query' && selectsDataField(operation, document, request.variables ?? {});
            overallCachePolicy.restrict({ maxAge: cacheable ? maxAgeSeconds : 0 });
          },
          async willSendResponse({ response, overallCachePolicy, contextValue }) {
            if (contextValue.viewer.kind !== 'anonymous') overallCachePolicy.restrict({ scope: 'PRIVATE' });
            // A header set earlier (e.g. by the response cache's own answer) is not second-guessed.
            if (response.http.headers.has('cache-control')) return;
            const policy = overallCachePolicy.policyIfCacheable();
            const clean = response.body.kind === 'single' && !response.body.singleResult.errors;
            response.http.headers.set('cache-control', policy && clean ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store');
          },
        };
      },
    },
    ApolloServerPluginCacheControlDisabled(),
  ];
}

/**
 * Whether the operation's top level (through its fragments, after @skip and @include) selects a field other
 * than `__typename`, `__schema` …
 */
function selectsDataField(operation: OperationDefinitionNode, document: DocumentNode, variables: Record<string, unknown>): boolean {
  const fragments = new Map(document.definitions.flatMap((definition) => (definition.kind === 'FragmentDefinition' ? [[definition.name.value, definition] as const] : [])));
  const seen = new Set<string>();
  // The request's variables with the operation's defaults (execution coerces them later; Booleans are as sent).
  const values = {
    ...Object.fromEntries((operation.variableDefinitions ?? []).flatMap((definition) => (definition.defaultValue ? [[definition.variable.name.value, valueFromASTUntyped(definition.defaultValue)]] : []))),
    ...variables,
  };
  const included = (node: FieldNode | FragmentSpreadNode | InlineFragmentNode) => {
    try {
      return getDirectiveValues(GraphQLSkipDirective, node, values)?.if !== true && getDirectiveValues(GraphQLIncludeDirective, node, values)?.if !== false;
    } catch {
      return true; // A variable execution will refuse: the answer has errors, so no-store anyway.
    }
  };
  const selects = (set: SelectionSetNode): boolean =>
    set.selections.some((selection) => {
      if (!included(selection)) return false;
      if (selection.kind === 'Field') return !selection.name.value.startsWith('__');
      if (selection.kind === 'InlineFragment') return selects(selection.selectionSet);
      if (seen.has(selection.name.value)) return false;
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      return fragment !== undefined && selects(fragment.selectionSet);
    });
  return selects(operation.selectionSet);
}
