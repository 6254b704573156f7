import {
  getNamedType,
  getNullableType,
  isListType,
  getVariableValues,
  isCompositeType,
  isUnionType,
  type GraphQLCompositeType,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { SizeArgument, SizeArguments } from './costSchema';

/**
 * The cost of an operation, GitHub-style: every object the answer can hold costs 1 (scalars cost nothing), and a
 * field with a size argument multiplies what it selects by that size, so
 * `organizations(first: 50) { nodes { projects(first: 10) { nodes { name } } } }` costs
 * 1 + 50 × (1 + 1 + 10 × 1) = 601; a field that is itself a list (`nodes(ids:)`) holds that many objects. A
 * mutation field costs a fixed weight before what it selects. The actual cost is the same count over the
 * answer: the objects it holds.
 */
export interface CostModel {
  sizeArguments: SizeArguments;
  mutationField: number;
  /** graphql-query-complexity stops after this many selections (fan-out through fragments included). */
  maxSelections: number;
}

export type RequestedCost =
  | { kind: 'computed'; cost: number }
  /** The variables do not fit their declarations: execution refuses the operation before anything runs. */
  | { kind: 'invalidVariables' }
  /** More selections than `maxSelections` once fragments are expanded: too complex to even count. */
  | { kind: 'tooManySelections' };

export function requestedCost(
  model: CostModel,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): RequestedCost {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return { kind: 'invalidVariables' };
  try {
    // Only the operation that runs: the others of the document cost nothing.
    const query: DocumentNode = { ...document, definitions: document.definitions.filter((d) => d.kind !== 'OperationDefinition' || d === operation) };
    const cost = getComplexity({ schema, query, variables, estimators: [estimatorFor(model, operation.operation === 'mutation' ? schema.getMutationType()?.name : undefined)], maxQueryNodes: model.maxSelections });
    return { kind: 'computed', cost };
  } catch {
    // getComplexity's only other failure once the variables fit is its node cap.
    return { kind: 'tooManySelections' };
  }
}

function estimatorFor(model: CostModel, mutationType: string | undefined): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const own = type.name === mutationType ? model.mutationField : isCompositeType(getNamedType(field.type)) ? 1 : 0;
    const sizes = sizeArgumentsOf(model.sizeArguments, type, field.name);
    let steps = 1;
    let multiplier = 1;
    for (const size of sizes) {
      if (size.kind === 'steps') steps *= sizeOf(size, args);
      else multiplier *= sizeOf(size, args);
    }
    // A field that is itself the list (`nodes(ids:)`, `rankedOrganizations`) holds `multiplier` objects; a
    // connection is one object whose children hold them.
    return own * steps * (isListType(getNullableType(field.type)) ? multiplier : 1) + multiplier * childComplexity;
  };
}

/** A field of an object type sized like the interface field it implements when its own SDL names no limit. */
function sizeArgumentsOf(sizeArguments: SizeArguments, type: GraphQLCompositeType, fieldName: string): readonly SizeArgument[] {
  const own = sizeArguments.get(`${type.name}.${fieldName}`);
  if (own || isUnionType(type)) return own ?? [];
  for (const parent of type.getInterfaces()) {
    const inherited = sizeArguments.get(`${parent.name}.${fieldName}`);
    if (inherited) return inherited;
  }
  return [];
}

function sizeOf(size: SizeArgument, args: Record<string, unknown>): number {
  if (size.kind === 'ids') {
    const ids = args[size.name];
    return Math.min(Array.isArray(ids) ? ids.length : 1, size.max);
  }
  const names = size.kind === 'page' ? size.names : [size.name];
  const given = names.map((name) => args[name]).find((value): value is number => typeof value === 'number');
  // Out-of-range sizes are refused by the argument checks; clamped here they cannot inflate or zero the cost.
  return given === undefined ? size.bounds.default : Math.min(Math.max(given, 0), size.bounds.max);
}

/** The objects an answer holds: what its requested cost estimated, counted. Mutation fields weigh as requested. */
export function actualCost(data: unknown, isMutation: boolean, mutationField: number): number {
  if (typeof data !== 'object' || data === null) return 0;
  let total = 0;
  for (const value of Object.values(data)) {
    const rootObject = typeof value === 'object' && value !== null && !Array.isArray(value) ? 1 : 0;
    total += isMutation ? mutationField + objectsIn(value) - rootObject : objectsIn(value);
  }
  return total;
}

function objectsIn(value: unknown): number {
  // Loops, not Object.values/reduce: this walks every object of every answer, and allocates nothing.
  if (typeof value !== 'object' || value === null) return 0;
  let total = 0;
  if (Array.isArray(value)) {
    for (const item of value) total += objectsIn(item);
    return total;
  }
  total = 1;
  for (const key in value) total += objectsIn((value as Record<string, unknown>)[key]);
  return total;
}
