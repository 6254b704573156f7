import { oneOf } from '../data/arguments';
import { csvZipChunks, CSV_ZIP_CONTENT_TYPE } from './csv/zip';
import { graphmlChunks, GRAPHML_CONTENT_TYPE } from './graphml/writer';
import { JSONLD_CONTENT_TYPE } from './jsonld/context';
import { jsonLdChunks, type JsonLdOptions } from './jsonld/writer';
import { jsonLinesChunks, JSONL_CONTENT_TYPE } from './jsonl/writer';
import type { ExportSource } from './reader';

export interface ExportFormatSpec {
  contentType: string;
  /** The download's file name, for the whole graph and for a subgraph. */
  fileName: { graph: string; subgraph: string };
  chunks(source: ExportSource, options: JsonLdOptions): AsyncGenerator<string | Buffer>;
}

export const EXPORT_FORMATS = {
  jsonld: {
    contentType: JSONLD_CONTENT_TYPE,
    fileName: { graph: 'geocoop-graph.jsonld', subgraph: 'geocoop-subgraph.jsonld' },
    chunks: jsonLdChunks,
  },
  graphml: {
    contentType: GRAPHML_CONTENT_TYPE,
    fileName: { graph: 'geocoop-graph.graphml', subgraph: 'geocoop-subgraph.graphml' },
    chunks: (source) => graphmlChunks(source),
  },
  csv: {
    contentType: CSV_ZIP_CONTENT_TYPE,
    fileName: { graph: 'geocoop-graph-csv.zip', subgraph: 'geocoop-subgraph-csv.zip' },
    chunks: (source) => csvZipChunks(source),
  },
  /** The import's own record format (npm run import reads it back). */
  jsonl: {
    contentType: JSONL_CONTENT_TYPE,
    fileName: { graph: 'geocoop-graph.jsonl', subgraph: 'geocoop-subgraph.jsonl' },
    chunks: (source) => jsonLinesChunks(source),
  },
} as const satisfies Record<string, ExportFormatSpec>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export function exportFormat(value: string, argument = 'format'): ExportFormat {
  return oneOf(argument, value, EXPORT_FORMAT_NAMES, `one of ${EXPORT_FORMAT_NAMES.join(', ')}`);
}
