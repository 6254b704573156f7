import type { CypherRunner } from '../db/cypherRunner';
import type { Logger } from '../logger';
import { loadSeed } from './loadSeed';
import { readSeedData } from './seedData';

/** Seeds a database that holds no source yet, or one seeded by an older version; an up-to-date one is left as it is. */
export async function seedIfEmpty(rootDir: string, cypher: CypherRunner, logger: Logger): Promise<boolean> {
  const [{ sources, outdated }] = await cypher.read('seed/count-domain-nodes');
  if (Number(sources) > 0 && Number(outdated) === 0) return false;
  await loadSeed(readSeedData(rootDir), cypher, logger);
  return true;
}
