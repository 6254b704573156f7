import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../graph/vocabulary';
import type { ExportSource } from '../reader';
import { JSONLD_CONTEXT } from './context';
import { nodeObject, relationshipObjects } from './document';

export interface JsonLdOptions {
  /** The IRI of the published context (the HTTP export's own /context.jsonld); absent, the context is inlined. */
  contextUrl?: string;
}

/**
 * One JSON-LD document, `{"@context": …, "@graph": [ … ]}`, written a batch at a time: the entities label by
 * label, then per relationship its asserted link and its qualifying statement (see document.ts).
 */
export async function* jsonLdChunks(source: ExportSource, options: JsonLdOptions = {}): AsyncGenerator<string> {
  const context = options.contextUrl ?? JSONLD_CONTEXT['@context'];
  yield `{"@context":${JSON.stringify(context)},\n"@graph":[`;
  let separator = '\n';
  const line = (value: unknown): string => {
    const text = `${separator}${JSON.stringify(value)}`;
    separator = ',\n';
    return text;
  };
  for (const label of NODE_LABELS) {
    for await (const batch of source.nodes(label)) yield batch.map((node) => line(nodeObject(node))).join('');
  }
  for (const type of RELATIONSHIP_TYPES) {
    for await (const batch of source.relationships(type)) {
      yield batch.map((relationship) => relationshipObjects(relationship).map(line).join('')).join('');
    }
  }
  yield '\n]}\n';
}
