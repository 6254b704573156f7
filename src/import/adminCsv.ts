import { storedProvenance } from '../data/entityView';
import { fieldsFromStored, qualifiersFromStored } from '../graph/model';
import { isNodeLabel, type NodeLabel, type RelationshipType } from '../graph/vocabulary';
import { ARRAY_DELIMITER } from '../export/csv/columns';
import { recordFromJson, type ShapeProblem } from './shape';
import type { ImportRecord } from './records';

/**
 * The files of our CSV export (`npm run export -- --format csv`, the headers of `neo4j-admin database import`:
 * `uid:ID`, `:LABEL` / `:START_ID`, `:END_ID`, `:TYPE`, then stored properties typed as `year:long`,
 * `aliases:string[]`) read back as import records: stored properties become fields and qualifiers the way the
 * JSON Lines export makes them, and the stored provenance is restored whole — so the export's zip, unpacked,
 * imports into an empty store as the same graph. Bookkeeping (version, sort keys) is derived again by the write.
 */
const STRUCTURAL = new Set(['uid:ID', ':LABEL', ':START_ID', ':END_ID', ':TYPE']);

interface StoredColumn {
  property: string;
  scalar: string;
  list: boolean;
}

/** True for a header that our CSV export (neo4j-admin's format) wrote, rather than the import's own columns. */
export function isAdminHeader(header: readonly string[]): boolean {
  return header.includes('uid:ID') || header.includes(':START_ID');
}

function storedColumn(name: string): StoredColumn {
  const match = /^(.*?)(?::(string|long|int|double|float|boolean)(\[\])?)?$/.exec(name)!;
  return { property: match[1], scalar: match[2] ?? 'string', list: match[3] !== undefined };
}

/** A header cell that is neither structural nor a property this export could have written. */
export function adminHeaderProblem(header: readonly string[], relationship: boolean): string | null {
  const needed = relationship ? [':START_ID', ':END_ID'] : ['uid:ID'];
  const missing = needed.find((name) => !header.includes(name));
  return missing ? `a ${relationship ? 'relationship' : 'node'} file in neo4j-admin format needs a "${missing}" column.` : null;
}

function scalarValue(text: string, scalar: string): unknown {
  if (scalar === 'long' || scalar === 'int') return /^-?\d+$/.test(text) ? Number(text) : text;
  if (scalar === 'double' || scalar === 'float') return Number.isFinite(Number(text)) && text.trim() !== '' ? Number(text) : text;
  if (scalar === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

/**
 * A cell is null when it was empty and unquoted: the property is absent (as neo4j-admin reads it). A quoted
 * `""` is an empty string where the column holds strings, and an empty list where it holds a list.
 */
export type AdminCell = string | null;

function storedProps(header: readonly string[], cells: readonly AdminCell[]): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  header.forEach((name, index) => {
    const text = cells[index];
    if (STRUCTURAL.has(name) || text === null || text === undefined) return;
    const column = storedColumn(name);
    if (text === '' && !column.list && column.scalar !== 'string') return;
    props[column.property] = column.list ? (text === '' ? [] : text.split(ARRAY_DELIMITER).map((item) => scalarValue(item, column.scalar))) : scalarValue(text, column.scalar);
  });
  return props;
}

/** One row of an exported node or relationship file as the record the JSON Lines export would have written. */
export function recordFromAdminRow(kind: NodeLabel | RelationshipType, header: readonly string[], cells: readonly AdminCell[]): ImportRecord | ShapeProblem {
  const props = storedProps(header, cells);
  const cell = (name: string) => cells[header.indexOf(name)] ?? '';
  let provenance: unknown;
  try {
    provenance = storedProvenance(props);
  } catch {
    return { field: 'provenance', code: 'INVALID_JSON', message: 'holds no JSON list of stored provenance entries.' };
  }
  if (isNodeLabel(kind)) {
    const uid = cell('uid:ID');
    if (!uid.startsWith(`${kind}:`)) return { field: 'uid:ID', code: 'INVALID_VALUE', message: `"${uid}" is not the uid of a ${kind} (${kind}:key), as the file name says.` };
    return recordFromJson({ kind, key: uid.slice(kind.length + 1), fields: fieldsFromStored(kind, props), provenance });
  }
  return recordFromJson({ type: kind, from: cell(':START_ID'), to: cell(':END_ID'), qualifiers: qualifiersFromStored(kind, props), provenance });
}
