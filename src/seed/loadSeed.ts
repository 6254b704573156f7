import type { CypherRunner } from '../db/cypherRunner';
import { entityProperties, entityUid, relationshipProperties } from '../graph/storedProperties';
import type { Logger } from '../logger';
import type { SeedData } from './seedData';
import { SeedError } from './seedData';

/**
 * Writes the seed in one transaction, MERGEing on natural keys: loading twice changes nothing, and a failure
 * leaves no half-written graph.
 */
export async function loadSeed(data: SeedData, cypher: CypherRunner, logger: Logger): Promise<{ nodes: number; relationships: number }> {
  const nodesByLabel = groupBy(data.nodes, (node) => node.label);
  const relationshipsByType = groupBy(data.relationships, (rel) => rel.type);
  const totals = await cypher.writeTransaction(async (tx) => {
    let nodes = 0;
    let relationships = 0;
    for (const [label, group] of nodesByLabel) {
      const rows = group.map((node) => ({
        uid: entityUid(label, node.key),
        props: entityProperties(label, node.key, node.props, node.provenance),
      }));
      const [result] = await tx.run('seed/merge-nodes', { label, rows });
      nodes += Number(result.merged);
    }
    for (const [type, group] of relationshipsByType) {
      const rows = group.map((rel) => ({
        fromUid: rel.from,
        toUid: rel.to,
        props: relationshipProperties(type, rel.from, rel.to, rel.props ?? {}, rel.provenance),
      }));
      const [result] = await tx.run('seed/merge-relationships', { type, rows });
      if (Number(result.merged) !== rows.length) {
        throw new SeedError(`Only ${String(result.merged)} of ${rows.length} ${type} relationships found both ends.`);
      }
      relationships += rows.length;
    }
    return { nodes, relationships };
  }, 120_000);
  logger.info(totals, 'seed loaded');
  return totals;
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
