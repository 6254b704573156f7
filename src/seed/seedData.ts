import fs from 'node:fs';
import path from 'node:path';
import { isNodeLabel, isRelationshipType, type NodeLabel, type RelationshipType } from '../graph/vocabulary';

import type { FactValue, ProvenanceEntry } from '../graph/storedProperties';

export type { ProvenanceEntry } from '../graph/storedProperties';
export type PropertyValue = FactValue;

export interface SeedNode {
  label: NodeLabel;
  key: string;
  props: Record<string, PropertyValue>;
  provenance: ProvenanceEntry[];
}

export interface SeedRelationship {
  type: RelationshipType;
  /** `Label:key` of the start node. */
  from: string;
  /** `Label:key` of the end node. */
  to: string;
  props?: Record<string, PropertyValue>;
  provenance: ProvenanceEntry[];
}

export interface SeedData {
  nodes: SeedNode[];
  relationships: SeedRelationship[];
}

export class SeedError extends Error {}

/** Reads and checks every seed/*.json file: allow-listed labels and types, unique keys, known endpoints. */
export function readSeedData(rootDir: string): SeedData {
  const seedDir = path.join(rootDir, 'seed');
  const data: SeedData = { nodes: [], relationships: [] };
  for (const file of fs.readdirSync(seedDir).filter((name) => name.endsWith('.json')).sort()) {
    const parsed = JSON.parse(fs.readFileSync(path.join(seedDir, file), 'utf8')) as Partial<SeedData>;
    data.nodes.push(...(parsed.nodes ?? []));
    data.relationships.push(...(parsed.relationships ?? []));
  }
  const uids = new Set<string>();
  for (const node of data.nodes) {
    if (!isNodeLabel(node.label)) throw new SeedError(`Unknown label ${node.label} (key ${node.key}).`);
    const uid = `${node.label}:${node.key}`;
    if (uids.has(uid)) throw new SeedError(`Duplicate node ${uid}.`);
    uids.add(uid);
  }
  for (const rel of data.relationships) {
    if (!isRelationshipType(rel.type)) throw new SeedError(`Unknown relationship type ${rel.type}.`);
    for (const end of [rel.from, rel.to]) {
      if (!uids.has(end)) throw new SeedError(`${rel.type} ${rel.from} → ${rel.to}: no node ${end}.`);
    }
  }
  return data;
}
