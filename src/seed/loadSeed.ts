import { SEED_PRINCIPAL } from '../auth/viewer';
import type { CypherRunner } from '../db/cypherRunner';
import { fieldsFromStored, qualifiersFromStored } from '../graph/model';
import type { Logger } from '../logger';
import { upsertEntity } from '../writes/entities';
import { link } from '../writes/links';
import { WriteRefused } from '../writes/userErrors';
import type { Writer } from '../writes/writer';
import type { SeedData } from './seedData';
import { SeedError } from './seedData';

/**
 * Writes the seed through the same write path as the mutations (validation, versions, provenance, history),
 * as the principal `system:seed`, in one transaction: loading twice changes nothing and records nothing, and
 * a failure leaves no half-written graph.
 */
export async function loadSeed(data: SeedData, cypher: CypherRunner, logger: Logger): Promise<{ nodes: number; relationships: number; changes: number }> {
  const totals = await cypher.writeTransaction(async (tx) => {
    const writer: Writer = { tx, library: cypher.library, principal: SEED_PRINCIPAL, at: new Date(), batch: 'seed' };
    let changes = 0;
    try {
      for (const node of data.nodes) {
        const provenance = { restore: node.provenance, entry: { ...node.provenance[0], note: 'Loaded from seed/*.json.' } };
        const written = await upsertEntity(writer, node.label, node.key, fieldsFromStored(node.label, node.props), provenance);
        if (written.changed) changes += 1;
      }
      for (const rel of data.relationships) {
        const provenance = { restore: rel.provenance, entry: { ...rel.provenance[0], note: 'Loaded from seed/*.json.' } };
        const written = await link(writer, rel.type, rel.from, rel.to, qualifiersFromStored(rel.type, rel.props ?? {}), provenance);
        if (written.changed) changes += 1;
      }
    } catch (error) {
      if (error instanceof WriteRefused) throw new SeedError(`The seed breaks the write rules: ${error.message}`);
      throw error;
    }
    return { nodes: data.nodes.length, relationships: data.relationships.length, changes };
  }, 300_000);
  logger.info(totals, 'seed loaded');
  return totals;
}
