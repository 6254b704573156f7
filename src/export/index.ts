import { Readable } from 'node:stream';
import type { CypherRunner } from '../db/cypherRunner';
import { EXPORT_FORMATS, type ExportFormat } from './formats';
import { GraphExportSource } from './reader';
import { resolveScope, type SubgraphRequest } from './scope';

/**
 * Exports of the graph — JSON-LD, GraphML, CSV for neo4j-admin — for the HTTP routes (src/http/export.ts) and
 * `npm run export` (src/cli/export.ts). Both parse their input with `subgraphRequest`, then get a stream here.
 */
export { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, exportFormat, type ExportFormat } from './formats';
export { subgraphRequest, type SubgraphRequest } from './scope';
export { CONTEXT_PATH, JSONLD_CONTENT_TYPE, JSONLD_CONTEXT } from './jsonld/context';

export interface ExportDownload {
  contentType: string;
  fileName: string;
  /** The file's bytes; reading it reads the graph a batch at a time, destroying it stops the reads. */
  stream: Readable;
}

/**
 * Resolves what to export first (a bad or missing id, an oversized subgraph: a coded error, before any byte),
 * then returns the stream that writes it.
 */
export async function openExport(
  cypher: CypherRunner,
  format: ExportFormat,
  request: SubgraphRequest | null,
  options: { contextUrl?: string } = {},
): Promise<ExportDownload> {
  const scope = await resolveScope(cypher, request);
  const spec = EXPORT_FORMATS[format];
  return {
    contentType: spec.contentType,
    fileName: spec.fileName[scope.kind],
    stream: Readable.from(spec.chunks(new GraphExportSource(cypher, scope), options)),
  };
}
