import { fieldsFromStored, qualifiersFromStored } from '../../graph/model';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../graph/vocabulary';
import { storedProvenance } from '../../data/entityView';
import type { ExportSource } from '../reader';

/**
 * JSON Lines in the import's record format (src/import/records.ts): every entity as `{kind, key, fields,
 * provenance}`, then every relationship as `{type, from, to, qualifiers, provenance}`, one per line, with the stored
 * provenance entries whole — so `npm run import` of this file into an empty store gives the same graph back.
 */
export const JSONL_CONTENT_TYPE = 'application/x-ndjson; charset=utf-8';

export async function* jsonLinesChunks(source: ExportSource): AsyncGenerator<string> {
  for (const label of NODE_LABELS) {
    for await (const nodes of source.nodes(label)) {
      yield nodes
        .map((node) => `${JSON.stringify({ kind: label, key: node.key, fields: fieldsFromStored(label, node.props), provenance: storedProvenance(node.props) })}\n`)
        .join('');
    }
  }
  for (const type of RELATIONSHIP_TYPES) {
    for await (const relationships of source.relationships(type)) {
      yield relationships
        .map((rel) => `${JSON.stringify({ type, from: rel.startUid, to: rel.endUid, qualifiers: qualifiersFromStored(type, rel.props), provenance: storedProvenance(rel.props) })}\n`)
        .join('');
    }
  }
}
