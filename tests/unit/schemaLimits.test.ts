import fs from 'node:fs';
import path from 'node:path';
import {
  buildASTSchema,
  concatAST,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  parse,
  type GraphQLArgument,
  type GraphQLSchema,
} from 'graphql';
import { loadTypeDefs, withLimits } from '../../src/graphql/typeDefs';
import { LIMITS } from '../../src/limits';

/**
 * The SDL states the limits of src/limits.ts through `{{limit:…}}` placeholders and applies no numeric
 * defaults of its own: the runtime applies the registry's, so the manual and the checks cannot disagree.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SCHEMA_DIR = path.join(REPO_ROOT, 'schema');
const schemaFiles = fs.readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.graphql')).sort();

const NUMERIC_TYPES = new Set(['Int', 'Float', 'NonNegativeInt', 'PositiveInt']);
const COUNT_ARGUMENTS = new Set(['first', 'last', 'limit', 'depth', 'maxLength', 'eventsPerYear', 'itemsPerLink', 'minWeight']);

function builtSchema(): GraphQLSchema {
  return buildASTSchema(concatAST(loadTypeDefs(REPO_ROOT).map((sdl) => parse(sdl))));
}

/** Every field argument of the schema, as `Type.field(argument)`. */
function allArguments(schema: GraphQLSchema): Array<{ at: string; argument: GraphQLArgument }> {
  return Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__') && (isObjectType(type) || isInterfaceType(type)))
    .flatMap((type) =>
      Object.values((type as { getFields(): Record<string, { name: string; args: readonly GraphQLArgument[] }> }).getFields()).flatMap((field) =>
        field.args.map((argument) => ({ at: `${type.name}.${field.name}(${argument.name})`, argument })),
      ),
    );
}

describe('limit placeholders in the SDL', () => {
  it.each(schemaFiles)('all resolve from the registry in %s', (file) => {
    const raw = fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8');
    const filled = withLimits(raw);
    expect(filled).not.toContain('{{');
    expect(filled).not.toContain('}}');
  });

  it('fail loudly when they name a limit the registry does not have', () => {
    expect(() => withLimits('"At most {{limit:traversal.depth.maximum}}."')).toThrow('traversal.depth.maximum');
  });

  it('state the registry’s numbers in the descriptions of the traversal, search and analytics arguments', () => {
    const query = builtSchema().getQueryType()!.getFields();
    const argument = (field: string, name: string) => query[field].args.find((arg) => arg.name === name)!.description?.replace(/\s+/g, ' ') ?? '';
    const { depth, neighbourhoodNodes, connectionLength } = LIMITS.traversal;
    expect(argument('neighbourhood', 'depth')).toContain(`${depth.min} to ${depth.max}; ${depth.default} when omitted`);
    expect(argument('neighbourhood', 'limit')).toContain(`${neighbourhoodNodes.max}; ${neighbourhoodNodes.default} when omitted`);
    expect(argument('connection', 'maxLength')).toContain(`${connectionLength.max}; ${connectionLength.default} when omitted`);
    expect(argument('search', 'first')).toContain(`${LIMITS.search.first.max}; ${LIMITS.search.first.default} when omitted`);
  });
});

describe('argument defaults in the built schema', () => {
  let schema: GraphQLSchema;
  let args: ReturnType<typeof allArguments>;
  beforeAll(() => {
    schema = builtSchema();
    args = allArguments(schema);
  });

  it('sees the counting arguments it checks', () => {
    const seen = args.map(({ at }) => at);
    expect(seen).toEqual(
      expect.arrayContaining(['Query.neighbourhood(depth)', 'Query.connection(maxLength)', 'Query.search(first)', 'Analytics.cooperationNetwork(limit)']),
    );
  });

  it('has no numeric default on any argument: the runtime applies the registry’s', () => {
    const numericDefaults = args
      .filter(({ argument }) => NUMERIC_TYPES.has(getNamedType(argument.type).name) && argument.defaultValue !== undefined)
      .map(({ at, argument }) => `${at} = ${String(argument.defaultValue)}`);
    expect(numericDefaults).toEqual([]);
  });

  it('has no default at all on first, last, limit, depth, maxLength and the other counting arguments', () => {
    const withDefaults = args
      .filter(({ argument }) => COUNT_ARGUMENTS.has(argument.name) && argument.defaultValue !== undefined)
      .map(({ at }) => at);
    expect(withDefaults).toEqual([]);
  });

  it('has no numeric default on the fields of input objects either', () => {
    const inputDefaults = Object.values(schema.getTypeMap())
      .filter(isInputObjectType)
      .flatMap((type) => Object.values(type.getFields()).map((field) => ({ at: `${type.name}.${field.name}`, field })))
      .filter(({ field }) => NUMERIC_TYPES.has(getNamedType(field.type).name) && field.defaultValue !== undefined)
      .map(({ at }) => at);
    expect(inputDefaults).toEqual([]);
  });
});
