import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type ASTNode, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { CostLimits } from '../config';
import { QueryTooComplexError } from '../errors';
import { LIMITS } from '../limits';
import { actualCost, requestedCost, type CostModel } from './cost';
import type { SizeArguments } from './costSchema';
import { measureOperation, type OperationShape } from './costShape';

/** What every answered operation reports in `extensions.cost`. */
export interface CostReport {
  requested: number;
  limit: number;
  actual: number;
}

const SHAPE_LIMITS: ReadonlyArray<{ limit: keyof OperationShape; maximum: (limits: CostLimits) => number; say: (value: number) => string; hint: string }> = [
  { limit: 'depth', maximum: (l) => l.maxDepth, say: (v) => `nests fields ${v} deep`, hint: 'Select fewer levels of nested fields.' },
  { limit: 'aliases', maximum: (l) => l.maxAliases, say: (v) => `uses ${v} aliases`, hint: 'Send fewer aliased fields, or several requests.' },
  { limit: 'rootFields', maximum: (l) => l.maxRootFields, say: (v) => `asks for ${v} root fields`, hint: 'Split it into several operations.' },
  { limit: 'directives', maximum: (l) => l.maxDirectives, say: (v) => `uses ${v} directives`, hint: 'Use fewer directives.' },
];

/**
 * Refuses an operation over a limit of the `cost` registry before any resolver (so any Cypher) runs, with
 * QUERY_TOO_COMPLEX naming the limit, and reports the cost of every answered one in `extensions.cost`.
 */
export function costLimitPlugin(limits: CostLimits, sizeArguments: SizeArguments): ApolloServerPlugin {
  const model: CostModel = { sizeArguments, mutationField: limits.mutationField, maxSelections: LIMITS.request.maxRecursiveSelections };
  const memo = measuresOnce(model);
  return {
    async requestDidStart() {
      let requested: number | undefined;
      let isMutation = false;
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // Apollo refuses a document without the operation it names before this hook.
          if (!operation) return;
          const shape = memo.shape(document, operation);
          for (const { limit, maximum, say, hint } of SHAPE_LIMITS) {
            const max = maximum(limits);
            if (shape[limit] > max) {
              throw new QueryTooComplexError(limit, max, shape[limit], `The operation ${say(shape[limit])}; the limit (${limit}) is ${max}. ${hint}`);
            }
          }
          const cost = memo.cost(schema, document, operation, request.variables);
          if (cost.kind === 'invalidVariables') return;
          if (cost.kind === 'tooManySelections') {
            throw new QueryTooComplexError(
              'selections',
              model.maxSelections,
              model.maxSelections + 1,
              `The operation expands to more than ${model.maxSelections} selections through its fragments. Spread fewer fragments.`,
            );
          }
          if (cost.cost > limits.maxCost) {
            throw new QueryTooComplexError(
              'cost',
              limits.maxCost,
              cost.cost,
              `The operation's cost of ${cost.cost} exceeds the limit (cost) of ${limits.maxCost}. Ask for smaller pages (\`first\`, \`last\`, \`limit\`) or fewer nested lists.`,
            );
          }
          requested = cost.cost;
          isMutation = operation.operation === 'mutation';
        },
        async willSendResponse({ response }) {
          if (requested === undefined || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const report: CostReport = { requested, limit: limits.maxCost, actual: actualCost(result.data, isMutation, limits.mutationField) };
          result.extensions = { ...result.extensions, cost: report };
        },
      };
    },
  };
}

const COSTS_KEPT_PER_OPERATION = 100;

/**
 * Apollo hands every request of the same query text the same parsed document (its document store), so an
 * operation's shape is measured once and its cost once per value of the variables that can change it: the
 * cost walk is otherwise a noticeable share of a small read's time. Only a size argument (`first`, `depth`,
 * `ids` …) or a directive (`@skip`, `@include`) moves the cost, so `organization(key: $key)` is costed once
 * whatever the key.
 */
function measuresOnce(model: CostModel) {
  const shapes = new WeakMap<OperationDefinitionNode, OperationShape>();
  const costs = new WeakMap<OperationDefinitionNode, Map<string, ReturnType<typeof requestedCost>>>();
  const costing = new WeakMap<OperationDefinitionNode, readonly string[]>();
  const sizeNames = new Set([...model.sizeArguments.values()].flat().flatMap((size) => (size.kind === 'page' ? size.names : [size.name])));
  return {
    shape(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
      let shape = shapes.get(operation);
      if (!shape) shapes.set(operation, (shape = measureOperation(document, operation)));
      return shape;
    },
    cost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined) {
      let names = costing.get(operation);
      if (!names) costing.set(operation, (names = variablesThatCost(document, operation, sizeNames)));
      // Absent and null differ where a variable has a default; `[]` marks absent.
      const key = JSON.stringify(names.map((name) => (variables && name in variables ? [variables[name]] : [])));
      let known = costs.get(operation);
      if (!known) costs.set(operation, (known = new Map()));
      let cost = known.get(key);
      if (!cost) {
        cost = requestedCost(model, schema, document, operation, variables);
        if (known.size >= COSTS_KEPT_PER_OPERATION) known.clear();
        // Invalid variables are not kept: the key leaves out those that do not move the cost, so a later valid
        // request with the same sizes must be costed itself.
        if (cost.kind !== 'invalidVariables') known.set(key, cost);
      }
      return cost;
    },
  };
}

/** The variables of `operation` (and of the fragments of its document) given to a size argument or a directive. */
function variablesThatCost(document: DocumentNode, operation: OperationDefinitionNode, sizeNames: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  const collect = (node: ASTNode) =>
    visit(node, {
      Variable(variable) {
        names.add(variable.name.value);
      },
    });
  const roots: ASTNode[] = [operation, ...document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)];
  for (const root of roots) {
    visit(root, {
      Directive(directive) {
        collect(directive);
        return false;
      },
      Argument(argument) {
        if (sizeNames.has(argument.name.value)) collect(argument.value);
        return false;
      },
    });
  }
  return [...names].sort();
}
