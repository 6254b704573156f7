import { buildSchema, getIntrospectionQuery, isObjectType, isInterfaceType, parse, type OperationDefinitionNode } from 'graphql';
import { actualCost, requestedCost, type CostModel } from '../../src/graphql/cost';
import { loadSizeArguments, sizeArgumentsOf } from '../../src/graphql/costSchema';
import { measureOperation } from '../../src/graphql/costShape';
import { loadTypeDefs } from '../../src/graphql/typeDefs';
import { EXPLORER_OPERATIONS } from '../../web/explorer/src/operations';
import { LIMITS } from '../../src/limits';
import { REPO_ROOT } from '../helpers/testNeo4j';

const schema = buildSchema(loadTypeDefs(REPO_ROOT).join('\n'));
const model: CostModel = { sizeArguments: loadSizeArguments(REPO_ROOT), mutationField: 10, maxSelections: LIMITS.request.maxRecursiveSelections };

function costOf(query: string, variables: Record<string, unknown> = {}, using: CostModel = model, inSchema = schema) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return requestedCost(using, inSchema, document, operation, variables);
}

function shapeOf(query: string) {
  const document = parse(query);
  return measureOperation(document, document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!);
}

describe('the requested cost of an operation', () => {
  it('sizes every first, last and limit argument of the schema from the limits registry', () => {
    const unsized: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!(isObjectType(type) || isInterfaceType(type)) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const sizeArgs = new Set((model.sizeArguments.get(`${type.name}.${field.name}`) ?? []).flatMap((s) => (s.kind === 'page' ? s.names : [s.name])));
        for (const arg of field.args) {
          if (['first', 'last', 'limit'].includes(arg.name) && !sizeArgs.has(arg.name)) unsized.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(unsized).toEqual([]);
  });

  it('multiplies what a root list selects by its default page size when no first or last is given', () => {
    expect(costOf('{ organizations { nodes { name } } }')).toEqual({ kind: 'computed', cost: 1 + LIMITS.page.default * 1 });
  });

  it('multiplies nested pages, GitHub-style', () => {
    expect(costOf('{ organizations(first: 50) { nodes { projects(first: 10) { nodes { name } } } } }')).toEqual({ kind: 'computed', cost: 1 + 50 * (1 + 1 + 10 * 1) });
  });

  it('reads page sizes from variables and `last` as well as `first`', () => {
    expect(costOf('query($n: Int) { countries(last: $n) { edges { node { name } } } }', { n: 7 })).toEqual({ kind: 'computed', cost: 1 + 7 * 2 });
  });

  it('counts a page above its maximum as the maximum (the argument check refuses it)', () => {
    expect(costOf('{ themes(first: 100000) { nodes { name } } }')).toEqual(costOf(`{ themes(first: ${LIMITS.page.max}) { nodes { name } } }`));
  });

  it('counts scalar fields as free and objects as 1', () => {
    expect(costOf('{ about { name serverVersion } }')).toEqual({ kind: 'computed', cost: 1 });
  });

  it('multiplies `nodes(ids:)` by the number of IDs', () => {
    expect(costOf('{ nodes(ids: ["a", "b", "c"]) { id } }')).toEqual({ kind: 'computed', cost: 3 * 1 });
  });

  it('multiplies a neighbourhood by its limit and its own work by its depth', () => {
    expect(costOf('{ neighbourhood(id: "x", depth: 3, limit: 10) { nodes { id } truncated } }')).toEqual({ kind: 'computed', cost: 1 * 3 + 10 * 1 });
  });

  it('weighs a mutation field by its fixed weight before what it selects', () => {
    const sdl = '"Q" type Query { "a" a: Int }  "M" type Mutation { "r" rename("n" first: Int): Thing }  "T" type Thing { "n" name: String "o" other: Thing }';
    const small = buildSchema(sdl);
    expect(costOf('mutation { rename { other { name } } }', {}, { ...model, sizeArguments: sizeArgumentsOf([sdl]) }, small)).toEqual({ kind: 'computed', cost: 10 + 1 });
  });

  it('does not count an operation whose variables do not fit their declarations (execution refuses it)', () => {
    expect(costOf('query($n: Int) { themes(first: $n) { totalCount } }', { n: 'many' })).toEqual({ kind: 'invalidVariables' });
  });

  it('stops counting an exponential fragment fan-out quickly instead of expanding it', () => {
    const levels = 12;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Organization { name }` : `fragment F${i} on Organization { ${Array.from({ length: 4 }, () => `...F${i + 1}`).join(' ')} }`,
    ).join('\n');
    const started = Date.now();
    expect(costOf(`{ organizations { nodes { ...F0 } } }\n${fragments}`)).toEqual({ kind: 'tooManySelections' });
    // Not a speed test: an exponential walk of the fan-out would take minutes, a linear one milliseconds.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('keeps the operations of our own pages well under the default cost limit, at their largest', () => {
    const operations = Object.values(EXPLORER_OPERATIONS);
    expect(operations.length).toBeGreaterThanOrEqual(3);
    for (const operation of operations) {
      const largest = { id: 'x', from: 'x', to: 'y', query: 'q', depth: LIMITS.traversal.depth.max, limit: LIMITS.traversal.neighbourhoodNodes.max, first: LIMITS.search.first.max };
      const cost = costOf(operation, largest);
      expect(cost.kind).toBe('computed');
      expect(cost.kind === 'computed' && cost.cost).toBeLessThanOrEqual(LIMITS.cost.maxCost);
    }
  });

  it('refuses a deep nest of maximum pages by cost', () => {
    const cost = costOf('{ organizations(first: 100) { nodes { relationships(first: 100) { nodes { node { label } } } } } }');
    expect(cost.kind === 'computed' && cost.cost).toBeGreaterThan(LIMITS.cost.maxCost);
  });
});

describe('the shape of an operation', () => {
  it('measures depth with the leaf included', () => {
    expect(shapeOf('{ organizations { nodes { name } } }').depth).toBe(3);
  });

  it('counts aliases, root fields and directives through fragments', () => {
    const shape = shapeOf(`query Q @skip(if: false) { a: about { name } ...Roots ...Roots }
      fragment Roots on Query { b: about { n: name @include(if: true) } themes { totalCount } }`);
    expect(shape).toMatchObject({ aliases: 1 + 2 * 2, rootFields: 1 + 2 * 2, directives: 1 + 2 });
  });

  it('measures an exponential fragment fan-out without expanding it', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Query { x: about { name } }` : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    const started = Date.now();
    const shape = shapeOf(`{ ...F0 }\n${fragments}`);
    // Not a speed test: an exponential walk of the fan-out would take minutes, a linear one milliseconds.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(shape.aliases).toBe(2 ** (levels - 1));
    expect(shape.rootFields).toBe(2 ** (levels - 1));
  });

  it('survives a fragment cycle (validation refuses it; the measure must not loop)', () => {
    expect(shapeOf('{ ...A } fragment A on Query { about { name } ...B } fragment B on Query { ...A }').depth).toBe(2);
  });

  it('lets the standard introspection query, as GraphiQL sends it, through the depth limit', () => {
    expect(shapeOf(getIntrospectionQuery()).depth).toBeLessThanOrEqual(LIMITS.cost.maxDepth);
  });
});

describe('the actual cost of an answer', () => {
  it('counts the objects the answer holds', () => {
    const data = { organizations: { nodes: [{ name: 'a', projects: { nodes: [{ name: 'p' }] } }, { name: 'b', projects: { nodes: [] } }] } };
    expect(actualCost(data, false, 10)).toBe(1 + 2 * (1 + 1) + 1);
  });

  it('weighs each answered mutation field by the mutation weight', () => {
    expect(actualCost({ rename: { other: { name: 'x' } }, remove: true }, true, 10)).toBe(10 + 1 + 10);
  });

  it('equals the requested cost when every page is full', () => {
    const data = { organizations: { nodes: Array.from({ length: 20 }, () => ({ name: 'x' })) } };
    const requested = costOf('{ organizations { nodes { name } } }');
    expect(requested.kind === 'computed' && actualCost(data, false, 10)).toBe(requested.kind === 'computed' && requested.cost);
  });
});
