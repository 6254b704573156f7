import { entityProperties, relationshipProperties, type ProvenanceEntry } from '../graph/storedProperties';
import { isNodeLabel, isRelationshipType, type NodeLabel, type RelationshipType } from '../graph/vocabulary';
import { SYNTHETIC_SOURCE_KEY, type PlannedNode, type PlannedRelationship } from './plan';

/**
 * What the writer stores for a planned node or relationship: its facts through src/graph/storedProperties.ts,
 * the module the seed writes through too (uid, lookup text, sort keys, provenance, stable relationship ids),
 * so synthetic entities sort, filter and page exactly like seeded ones. Nothing is derived here.
 */

/** Every synthetic node and relationship names the `syn-generator` source. */
export function syntheticProvenance(seed: number): ProvenanceEntry[] {
  return [{ source: SYNTHETIC_SOURCE_KEY, confidence: 'LOW', note: `Synthetic benchmark data (seed ${seed}); not a fact.` }];
}

export function storedNodeProperties(label: NodeLabel, node: PlannedNode, provenance: readonly ProvenanceEntry[]): Record<string, unknown> {
  return entityProperties(label, node.key, node.facts, provenance);
}

export function storedRelationshipProperties(
  type: RelationshipType,
  rel: PlannedRelationship,
  provenance: readonly ProvenanceEntry[],
): Record<string, unknown> {
  return relationshipProperties(type, rel.from, rel.to, rel.qualifiers, provenance, rel.discriminator);
}

/**
 * The label or type a generic Cypher file receives as `$label` / `$type`: only a member of the allow-lists of
 * src/graph/vocabulary.ts, checked at run time (the value ends up in a dynamic label).
 */
export function allowedLabel(label: string): NodeLabel {
  if (!isNodeLabel(label)) throw new Error(`Not a node label of the model: "${label}".`);
  return label;
}

export function allowedType(type: string): RelationshipType {
  if (!isRelationshipType(type)) throw new Error(`Not a relationship type of the model: "${type}".`);
  return type;
}
