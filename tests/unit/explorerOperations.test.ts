import path from 'node:path';
import { buildASTSchema, concatAST, parse, validate, type GraphQLSchema } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/typeDefs';
import { EXPLORER_OPERATIONS } from '../../web/explorer/src/operations';

/** The explorer's GraphQL operations are checked against the server's schema without a browser or a server. */

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function schema(): GraphQLSchema {
  return buildASTSchema(concatAST(loadTypeDefs(REPO_ROOT).map((sdl) => parse(sdl))));
}

describe('the explorer’s GraphQL operations', () => {
  const built = schema();

  it.each(Object.entries(EXPLORER_OPERATIONS))('%s is valid against the schema and named as the explorer calls it', (name, operation) => {
    const document = parse(operation);
    expect(validate(built, document).map((error) => error.message)).toEqual([]);
    const definitions = document.definitions.filter((definition) => definition.kind === 'OperationDefinition');
    expect(definitions).toHaveLength(1);
    expect(definitions[0].name?.value).toBe(name);
  });

  it('rejects an operation that asks for a field the schema lacks, so the check above can fail', () => {
    const broken = EXPLORER_OPERATIONS.Neighbourhood.replace('truncated', 'truncatedAt');
    expect(validate(built, parse(broken)).map((error) => error.message)).toEqual([expect.stringContaining('truncatedAt')]);
  });
});
