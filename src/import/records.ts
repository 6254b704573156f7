import type { ProvenanceEntry } from '../graph/storedProperties';
import type { NodeLabel, RelationshipType } from '../graph/vocabulary';
import type { ProvenanceInput } from '../writes/provenance';

/**
 * One record of an import, as JSON Lines spells it (CSV rows become the same records). They mirror the mutations'
 * inputs: an entity is `upsert<Kind>`'s `{key, fields, provenance}` plus its kind, a relationship is `link`'s
 * `{type, from, to, qualifiers, provenance}` with the ends as `Label:key`. Provenance is either what a mutation
 * takes (`{source, quote, confidence, note}`: one entry is added, entered by the importing principal) or the
 * complete list of stored entries, as an export writes it (restored as it is, so a round trip keeps who entered what).
 */
export type ImportProvenance = ProvenanceInput | ProvenanceEntry[];

export interface EntityImport {
  record: 'entity';
  kind: NodeLabel;
  key: string;
  fields: Record<string, unknown>;
  provenance: ImportProvenance | null;
}

export interface RelationshipImport {
  record: 'relationship';
  type: RelationshipType;
  from: string;
  to: string;
  qualifiers: Record<string, unknown>;
  provenance: ImportProvenance | null;
}

/** A record and where it came from. */
export interface Located<T> {
  file: string;
  line: number;
  /** The file's position among the files of the import (batches follow files, then lines). */
  fileIndex: number;
  value: T;
}

export type ImportRecord = EntityImport | RelationshipImport;

/** One line of the report: what is wrong, and exactly where. */
export interface ImportProblem {
  file: string;
  /** 1-based line (the first line of a CSV record); 0 when the problem is the file itself. */
  line: number;
  /** The field at fault, dotted (`fields.endDate`, `provenance.source`), or empty. */
  field: string;
  code: string;
  message: string;
}

export function uidOf(record: ImportRecord): string {
  return record.record === 'entity' ? `${record.kind}:${record.key}` : `${record.type}:${record.from}->${record.to}`;
}
