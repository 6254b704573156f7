import { INTERNAL_PROPERTIES } from '../data/records';
import type { ProvenanceEntry } from '../graph/storedProperties';
import type { PropertyColumns } from './propertyTypes';

/**
 * What the linked-data formats (JSON-LD, GraphML) show of a node or relationship: its facts and qualifiers, not
 * the bookkeeping the store derives from them (sort keys, folded look-up text: src/graph/storedProperties.ts),
 * with provenance read back from its JSON. The CSV export, meant for `neo4j-admin database import`, keeps
 * every stored property instead, so the imported store serves the API as it is.
 */
export function factsOf(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([name, value]) => !INTERNAL_PROPERTIES.has(name) && value !== null));
}

export function factColumns(columns: PropertyColumns | undefined): string[] {
  return [...(columns?.keys() ?? [])].filter((name) => !INTERNAL_PROPERTIES.has(name));
}

const CONFIDENCES = ['HIGH', 'MEDIUM', 'LOW'] as const;

/** The stored provenance JSON as entries; text that is not such JSON yields none (it is still exported verbatim). */
export function provenanceOf(props: Record<string, unknown>): ProvenanceEntry[] {
  if (typeof props.provenance !== 'string') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(props.provenance);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (entry): entry is ProvenanceEntry =>
      typeof entry === 'object' && entry !== null && typeof entry.source === 'string' && CONFIDENCES.includes(entry.confidence),
  );
}

/** The weakest confidence among a fact's sources (a filter for Gephi users), or null when it has none. */
export function weakestConfidence(entries: readonly ProvenanceEntry[]): ProvenanceEntry['confidence'] | null {
  for (const confidence of [...CONFIDENCES].reverse()) if (entries.some((entry) => entry.confidence === confidence)) return confidence;
  return null;
}
