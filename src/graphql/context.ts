import type { AppConfig } from '../config';
import type { CypherRunner } from '../db/cypherRunner';
import { createLoaders, type Loaders } from '../data/loaders';

/** What every resolver receives: the named-Cypher runner, this request's loaders, the configuration. */
export interface RequestContext {
  cypher: CypherRunner;
  loaders: Loaders;
  config: AppConfig;
}

export function createRequestContext(cypher: CypherRunner, config: AppConfig): RequestContext {
  return { cypher, loaders: createLoaders(cypher), config };
}
