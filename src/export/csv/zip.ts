import { stringify } from 'csv-stringify/sync';
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { NodeLabel, RelationshipType } from '../../graph/vocabulary';
import type { PropertyColumns, PropertyType } from '../propertyTypes';
import type { ExportSource } from '../reader';
import { ARRAY_DELIMITER, cell, propertyColumns, propertyHeader } from './columns';

/**
 * The CSV export: one file per label (`nodes/Organization.csv`) and per relationship type
 * (`relationships/MEMBER_OF.csv`) in a zip, with IMPORT.txt giving the `neo4j-admin database import full`
 * command that loads them. Entries are added lazily, so each file's rows are read from Neo4j only when the zip
 * writer reaches it, a batch at a time: one batch in memory whatever the graph's size.
 */
export const CSV_ZIP_CONTENT_TYPE = 'application/zip';

type Column = [string, PropertyType];

export async function* csvZipChunks(source: ExportSource): AsyncGenerator<Buffer> {
  const nodeColumns = await source.nodeColumns();
  const relationshipColumns = await source.relationshipColumns();
  const zip = new ZipFile();
  zip.on('error', (error: Error) => (zip.outputStream as Readable).destroy(error));

  for (const [label, columns] of nodeColumns) addEntry(zip, `nodes/${label}.csv`, nodeRows(source, label, columns));
  for (const [type, columns] of relationshipColumns) addEntry(zip, `relationships/${type}.csv`, relationshipRows(source, type, columns));
  zip.addBuffer(Buffer.from(importInstructions([...nodeColumns.keys()], [...relationshipColumns.keys()])), 'IMPORT.txt');
  zip.end();
  for await (const chunk of zip.outputStream) yield chunk as Buffer;
}

function addEntry(zip: ZipFile, name: string, rows: AsyncGenerator<string>): void {
  zip.addReadStreamLazy(name, (done) => done(null, Readable.from(rows)));
}

/** An absent value is an empty field (neo4j-admin stores no property); an empty string is quoted, `""`, and kept. */
function csv(rows: Array<Array<string | null>>): string {
  return stringify(rows, { quoted_match: /^$/, record_delimiter: '\n' });
}

async function* nodeRows(source: ExportSource, label: NodeLabel, columns: PropertyColumns): AsyncGenerator<string> {
  const properties = propertyColumns(columns, ['uid']);
  yield csv([['uid:ID', ':LABEL', ...properties.map(([name, type]) => propertyHeader(name, type))]]);
  for await (const batch of source.nodes(label)) {
    yield csv(batch.map((node) => [node.uid, `Entity${ARRAY_DELIMITER}${label}`, ...cells(node.props, properties, node.uid)]));
  }
}

async function* relationshipRows(source: ExportSource, type: RelationshipType, columns: PropertyColumns): AsyncGenerator<string> {
  const properties = propertyColumns(columns, []);
  yield csv([[':START_ID', ':END_ID', ':TYPE', ...properties.map(([name, propertyType]) => propertyHeader(name, propertyType))]]);
  for await (const batch of source.relationships(type)) {
    yield csv(batch.map((relationship) => [relationship.startUid, relationship.endUid, type, ...cells(relationship.props, properties, `${type} ${relationship.id}`)]));
  }
}

function cells(props: Record<string, unknown>, properties: readonly Column[], where: string): Array<string | null> {
  return properties.map(([name, type]) => cell(props[name], type, `${where}.${name}`));
}

/** The command that loads this folder into an empty database (multi-line fields: statements may span lines). */
export function importInstructions(labels: readonly NodeLabel[], types: readonly RelationshipType[]): string {
  const args = [
    'neo4j-admin database import full',
    `--array-delimiter='${ARRAY_DELIMITER}'`,
    '--multiline-fields=true',
    ...labels.map((label) => `--nodes=nodes/${label}.csv`),
    ...types.map((type) => `--relationships=relationships/${type}.csv`),
  ];
  // No database name after the file lists (it would be read as one more file): the default database, neo4j.
  return `Load these files into the empty default database of a Neo4j 5 (run from this folder, the server stopped):\n\n${args.join(' \\\n  ')}\n\nThen apply the project's migrations (npm run db:migrate) to recreate its constraints and indexes.\n`;
}
