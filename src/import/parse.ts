import path from 'node:path';
import { parse as parseCsv } from 'csv-parse';
import type { FieldSpec } from '../graph/model';
import { isNodeLabel, isRelationshipType } from '../graph/vocabulary';
import { LIMITS } from '../limits';
import { adminHeaderProblem, isAdminHeader, recordFromAdminRow } from './adminCsv';
import { entityColumns, LIST_DELIMITER, relationshipColumns, type ImportColumn } from './columns';
import { readLines } from './lines';
import type { ImportProblem, ImportRecord, Located } from './records';
import { isShapeProblem, recordFromJson } from './shape';

/**
 * Reads one import file — JSON Lines or CSV, told apart by the name (`.jsonl`/`.ndjson`, `.csv`) or given — into
 * records and problems, in line order. Only the file's own rules are checked here (encoding, line bound, syntax,
 * columns); the values are judged with the write rules afterwards.
 */
export type ImportFormat = 'jsonl' | 'csv';
export type ParseEvent = { kind: 'record'; record: Located<ImportRecord> } | { kind: 'problem'; problem: ImportProblem };

export interface ImportFile {
  /** The name the report uses. */
  name: string;
  format: ImportFormat;
  /** For CSV: the kind or relationship type of its rows (from the file name, e.g. `Organization.csv`). */
  kind?: string;
  bytes: AsyncIterable<Buffer | string> | Iterable<Buffer | string>;
}

export function formatOf(fileName: string): ImportFormat | null {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  if (extension === '.csv') return 'csv';
  return null;
}

/** `Organization.csv`, `HEADQUARTERED_IN.csv`, or with a prefix: `cgs-partners.Organization.csv`. */
export function csvKindOf(fileName: string): string {
  const base = path.basename(fileName, path.extname(fileName));
  return base.slice(base.lastIndexOf('.') + 1);
}

export async function* parseFile(file: ImportFile, fileIndex: number): AsyncGenerator<ParseEvent> {
  let seen = false;
  const events = file.format === 'jsonl' ? parseJsonLines(file, fileIndex) : parseCsvFile(file, fileIndex);
  for await (const event of events) {
    seen = true;
    yield event;
  }
  if (!seen) yield { kind: 'problem', problem: { file: file.name, line: 0, field: '', code: 'EMPTY_FILE', message: 'holds no records.' } };
}

async function* parseJsonLines(file: ImportFile, fileIndex: number): AsyncGenerator<ParseEvent> {
  for await (const event of readLines(file.name, file.bytes)) {
    if (event.kind === 'problem') {
      yield event;
      continue;
    }
    if (event.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(event.text);
    } catch (error) {
      yield { kind: 'problem', problem: { file: file.name, line: event.line, field: '', code: 'INVALID_JSON', message: `is not JSON: ${(error as Error).message}.` } };
      continue;
    }
    const record = recordFromJson(value);
    if (isShapeProblem(record)) yield { kind: 'problem', problem: { file: file.name, line: event.line, ...record } };
    else yield { kind: 'record', record: { file: file.name, line: event.line, fileIndex, value: record } };
  }
}

/** A cell as the value its column's spec takes; a cell that does not convert is kept as text for the write rules to refuse. */
export function cellValue(text: string, spec: FieldSpec | null): unknown {
  switch (spec?.type) {
    case 'int':
      return /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : text;
    case 'float':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'nameList':
    case 'enumList':
    case 'localizedNames':
      return text.split(LIST_DELIMITER).map((item) => item.trim());
    default:
      return text;
  }
}

async function* parseCsvFile(file: ImportFile, fileIndex: number): AsyncGenerator<ParseEvent> {
  const kind = file.kind ?? csvKindOf(file.name);
  const problem = (line: number, field: string, code: string, message: string): ParseEvent => ({ kind: 'problem', problem: { file: file.name, line, field, code, message } });
  let columns: ImportColumn[];
  if (isNodeLabel(kind)) columns = entityColumns(kind);
  else if (isRelationshipType(kind)) columns = relationshipColumns(kind);
  else {
    yield problem(0, '', 'UNKNOWN_KIND', `"${kind}" (from the file name) is neither a kind of entity nor a relationship type: name a CSV file after what its rows are, e.g. Organization.csv or HEADQUARTERED_IN.csv.`);
    return;
  }
  // Lines go through the bounded, strictly decoded reader first; csv-parse then sees only checked text.
  const lineProblems: ImportProblem[] = [];
  async function* checkedText(): AsyncGenerator<string> {
    for await (const event of readLines(file.name, file.bytes)) {
      if (event.kind === 'problem') {
        lineProblems.push(event.problem);
        return;
      }
      yield `${event.text}\n`;
    }
  }
  // An empty, unquoted cell is null; a quoted `""` stays an empty string (our CSV export writes absent values
  // and empty strings so, as neo4j-admin reads them).
  const parser = parseCsv({
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: LIMITS.import.maxLineBytes,
    cast: (value, context) => (value === '' && !context.quoting ? null : value),
  });
  const source = checkedText();
  void (async () => {
    try {
      for await (const text of source) if (!parser.write(text)) await new Promise((resolve) => parser.once('drain', resolve));
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  let header: string[] | null = null;
  // A file of our CSV export (neo4j-admin's headers) holds stored properties, not the import's columns.
  let admin = false;
  let byName = new Map<string, ImportColumn>();
  try {
    for await (const row of parser as AsyncIterable<{ record: Array<string | null>; info: { lines: number } }>) {
      const line = row.info.lines - (row.record.join('').split('\n').length - 1);
      if (!header) {
        header = row.record.map((name) => (name ?? '').trim());
        admin = isAdminHeader(header);
        if (admin) {
          const wrong = adminHeaderProblem(header, isRelationshipType(kind));
          const repeated = header.find((name, index) => header!.indexOf(name) !== index);
          if (wrong) yield problem(line, '', 'MISSING_COLUMN', wrong);
          if (repeated) yield problem(line, repeated, 'DUPLICATE_COLUMN', `the column "${repeated}" is named twice.`);
          if (wrong || repeated) return;
          continue;
        }
        byName = new Map(columns.map((column) => [column.name, column]));
        const unknown = header.filter((name) => !byName.has(name));
        for (const name of unknown) yield problem(line, name, 'UNKNOWN_FIELD', `${kind} has no column "${name}" (run \`npm run import -- --columns\` for each file's columns).`);
        const missing = columns.filter((column) => (column.name === 'key' || column.name === 'from' || column.name === 'to') && !header!.includes(column.name));
        for (const column of missing) yield problem(line, column.name, 'MISSING_COLUMN', `a ${kind} file needs a "${column.name}" column.`);
        const repeated = header.find((name, index) => header!.indexOf(name) !== index);
        if (repeated) yield problem(line, repeated, 'DUPLICATE_COLUMN', `the column "${repeated}" is named twice.`);
        if (unknown.length || missing.length || repeated) return;
        continue;
      }
      if (row.record.length !== header.length) {
        const code = row.record.length > header.length ? 'EXTRA_COLUMNS' : 'MISSING_COLUMNS';
        yield problem(line, '', code, `has ${row.record.length} cells; the header names ${header.length} columns.`);
        continue;
      }
      if (admin) {
        const value = recordFromAdminRow(kind, header, row.record);
        if (isShapeProblem(value)) yield problem(line, value.field, value.code, value.message);
        else yield { kind: 'record', record: { file: file.name, line, fileIndex, value } };
        continue;
      }
      const cells = new Map<string, unknown>();
      header.forEach((name, index) => {
        const text = row.record[index];
        // Empty or `""`: absent, so the stored value stays (a field of the write model is never an empty string).
        if (text !== null && text !== '') cells.set(name, cellValue(text, byName.get(name)!.spec));
      });
      const value = recordFromCells(kind, cells);
      if (isShapeProblem(value)) yield problem(line, value.field, value.code, value.message);
      else yield { kind: 'record', record: { file: file.name, line, fileIndex, value } };
    }
  } catch (error) {
    if (lineProblems.length === 0) yield problem(0, '', 'INVALID_CSV', `is not valid CSV: ${(error as Error).message}`);
  }
  for (const lineProblem of lineProblems) yield { kind: 'problem', problem: lineProblem };
}

function recordFromCells(kind: string, cells: Map<string, unknown>): ReturnType<typeof recordFromJson> {
  const provenance: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  for (const [name, value] of cells) {
    if (name.startsWith('provenance.')) provenance[name.slice('provenance.'.length)] = value;
    else values[name] = value;
  }
  const given = Object.keys(provenance).length > 0 ? provenance : undefined;
  if (isNodeLabel(kind)) {
    const { key, ...fields } = values;
    return recordFromJson({ kind, key, fields, provenance: given });
  }
  const { from, to, ...qualifiers } = values;
  return recordFromJson({ type: kind, from, to, qualifiers, provenance: given });
}
