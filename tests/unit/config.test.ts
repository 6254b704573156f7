import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

const root = path.resolve(__dirname, '..', '..');

describe('configuration', () => {
  it('starts the embedded Neo4j under ./data/neo4j when NEO4J_URI is unset', () => {
    const config = loadConfig({}, root);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.embedded.dataDir).toBe(path.join(root, 'data', 'neo4j'));
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
  });

  it('treats an empty NEO4J_URI as unset', () => {
    expect(loadConfig({ NEO4J_URI: '' }, root).neo4j.uri).toBeUndefined();
  });

  it('accepts routing and direct Neo4j URIs', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j://neo4j:7687' }, root).neo4j.uri).toBe('neo4j://neo4j:7687');
    expect(loadConfig({ NEO4J_URI: 'bolt+s://db.example.org' }, root).neo4j.uri).toBe('bolt+s://db.example.org');
  });

  it('rejects a wrong value with one line naming the variable and what is expected', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, root)).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' }, root)).toThrow(/^Invalid configuration: PORT="eighty" — expected a number\.$/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' }, root)).toThrow(/LOG_LEVEL="loud" — expected one of "fatal"/);
    expect(() => loadConfig({ NEO4J_URI: 'http://x' }, root)).toThrow(/NEO4J_URI="http:\/\/x" — expected a neo4j:\/\/ or bolt:\/\/ URI/);
    expect(() => loadConfig({ PORT: '70000' }, root)).toThrow(/PORT="70000" — expected a number <= 65535/);
  });

  it('turns GraphiQL off in production unless explicitly enabled', () => {
    expect(loadConfig({ NODE_ENV: 'production' }, root).graphiqlEnabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL_ENABLED: 'true' }, root).graphiqlEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }, root).graphiqlEnabled).toBe(true);
  });
});
