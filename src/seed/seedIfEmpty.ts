import type { CypherRunner } from '../db/cypherRunner';
import type { Logger } from '../logger';
import { loadSeed } from './loadSeed';
import { readSeedData } from './seedData';

/** Seeds a database that holds no source yet, or one seeded by an older version; an up-to-date one is left as it is. */
export async function seedIfEmpty(rootDir: string, cypher: CypherRunner, logger: Logger): Promise<boolean> {
  const [{ sources, outdated, synthetic }] = await cypher.read('seed/count-domain-nodes');
  if (Number(sources) === 0 && Number(synthetic) > 0) {
    // Synthetic countries use real ISO codes as keys: seeding would merge the real facts into benchmark data.
    logger.warn({ synthetic: Number(synthetic) }, 'not seeding: the database holds a synthetic benchmark graph');
    return false;
  }
  if (Number(sources) > 0 && Number(outdated) === 0) return false;
  await loadSeed(readSeedData(rootDir), cypher, logger);
  return true;
}
