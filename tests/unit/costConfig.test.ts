import { ConfigError, loadConfig } from '../../src/config';
import { LIMITS } from '../../src/limits';
import { REPO_ROOT } from '../helpers/testNeo4j';

describe('the cost limits configuration', () => {
  it('defaults every limit to the limits registry', () => {
    expect(loadConfig({}, REPO_ROOT).cost).toEqual({
      maxCost: LIMITS.cost.maxCost,
      maxDepth: LIMITS.cost.maxDepth,
      maxAliases: LIMITS.cost.maxAliases,
      maxRootFields: LIMITS.cost.maxRootFields,
      maxDirectives: LIMITS.cost.maxDirectives,
      mutationField: LIMITS.cost.mutationField,
    });
  });

  it('reads each limit from its variable', () => {
    const env = { QUERY_MAX_COST: '900', QUERY_MAX_DEPTH: '8', QUERY_MAX_ALIASES: '0', QUERY_MAX_ROOT_FIELDS: '3', QUERY_MAX_DIRECTIVES: '4', MUTATION_FIELD_COST: '25' };
    expect(loadConfig(env, REPO_ROOT).cost).toEqual({ maxCost: 900, maxDepth: 8, maxAliases: 0, maxRootFields: 3, maxDirectives: 4, mutationField: 25 });
  });

  it('refuses a limit that is not a positive whole number, naming the variable', () => {
    expect(() => loadConfig({ QUERY_MAX_COST: '0' }, REPO_ROOT)).toThrow(ConfigError);
    expect(() => loadConfig({ QUERY_MAX_DEPTH: 'deep' }, REPO_ROOT)).toThrow(/QUERY_MAX_DEPTH="deep" — expected a number/);
  });

  it('reads CORS origins as a trimmed list, and credentials off by default', () => {
    expect(loadConfig({ CORS_ORIGINS: ' https://a.example.org ,http://localhost:5173,' }, REPO_ROOT).cors).toEqual({
      origins: ['https://a.example.org', 'http://localhost:5173'],
      credentials: false,
    });
    expect(loadConfig({}, REPO_ROOT).cors).toEqual({ origins: [], credentials: false });
  });
});
