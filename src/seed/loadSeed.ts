import neo4j from 'neo4j-driver';
import type { CypherRunner } from '../db/cypherRunner';
import type { Logger } from '../logger';
import type { PropertyValue, ProvenanceEntry, SeedData } from './seedData';
import { SeedError } from './seedData';
import { lookupText } from '../data/normalize';

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
        uid: `${label}:${node.key}`,
        props: { ...storedProperties(node.props, node.provenance), key: node.key, uid: `${label}:${node.key}` },
      }));
      const [result] = await tx.run('seed/merge-nodes', { label, rows });
      nodes += Number(result.merged);
    }
    for (const [type, group] of relationshipsByType) {
      const rows = group.map((rel) => ({
        fromUid: rel.from,
        toUid: rel.to,
        props: storedProperties(rel.props ?? {}, rel.provenance),
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

/** Provenance goes in as JSON text plus the list of source keys (Neo4j properties cannot hold maps). */
function storedProperties(props: Record<string, PropertyValue>, provenance: ProvenanceEntry[]): Record<string, unknown> {
  const stored: Record<string, unknown> = Object.fromEntries(
    Object.entries(props).map(([name, value]) => [name, asNeo4jValue(value)]),
  );
  if (Array.isArray(props.aliases)) stored.aliasesText = (props.aliases as string[]).join(' | ');
  stored.lookupText = lookupText(props);
  stored.provenance = JSON.stringify(provenance);
  stored.sourceKeys = [...new Set(provenance.map((entry) => entry.source))];
  return stored;
}

/** JSON has one number type; whole numbers (years, editions, counts) are stored as Neo4j integers. */
function asNeo4jValue(value: PropertyValue): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return (value as unknown[]).map((item) => asNeo4jValue(item as PropertyValue));
  return value;
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
