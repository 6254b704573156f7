import type { Table } from '../shared/csv';

/**
 * The lists of a GraphQL result as tables, for GraphiQL's "Result table" plugin: a connection (an object with
 * `edges` of `{ node }`) gives one row per edge — the edge's own fields (cursor, score, asOf…) then its node's —
 * and any other list of objects one row per item. Nested objects become dotted columns (`hostCountry.name`),
 * lists inside a row one cell (`a; b`, objects as JSON). Lists inside rows are not tables of their own.
 */

export interface ResultTable extends Table {
  /** Where the list is in `data`, e.g. `organization.memberCountries`. */
  path: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);

function cell(value: Json | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => (isObject(item) || Array.isArray(item) ? JSON.stringify(item) : cell(item))).join('; ');
  if (isObject(value)) return JSON.stringify(value);
  return String(value);
}

/** One row's cells by column name, nested objects flattened into dotted names. */
function flatten(value: Record<string, Json>, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [key, item] of Object.entries(value)) {
    if (isObject(item)) flatten(item, `${prefix}${key}.`, into);
    else into.set(`${prefix}${key}`, cell(item));
  }
  return into;
}

function isConnection(value: Record<string, Json>): value is Record<string, Json> & { edges: Json[] } {
  return Array.isArray(value.edges) && value.edges.length > 0 && value.edges.every((edge) => isObject(edge) && 'node' in edge);
}

/** An edge's row: its own fields, then its node's (prefixed `node.` only where an edge field has the name). */
function edgeRow(edge: Record<string, Json>): Map<string, string> {
  const { node, ...own } = edge;
  const row = flatten(own);
  if (isObject(node)) for (const [name, value] of flatten(node)) row.set(row.has(name) ? `node.${name}` : name, value);
  else row.set('node', cell(node));
  return row;
}

function table(path: string, rows: Array<Map<string, string>>): ResultTable {
  const columns = [...new Set(rows.flatMap((row) => [...row.keys()]))];
  return { path, columns, rows: rows.map((row) => columns.map((column) => row.get(column) ?? '')) };
}

export function resultTables(result: unknown): ResultTable[] {
  const tables: ResultTable[] = [];
  const visit = (value: Json, path: string): void => {
    if (Array.isArray(value)) {
      const items = value.filter(isObject);
      if (items.length && items.length === value.length) tables.push(table(path, items.map((item) => flatten(item))));
      return;
    }
    if (!isObject(value)) return;
    if (isConnection(value)) {
      tables.push(table(path, value.edges.map((edge) => edgeRow(edge as Record<string, Json>))));
      for (const [key, item] of Object.entries(value)) if (key !== 'edges' && key !== 'nodes') visit(item, `${path}.${key}`);
      return;
    }
    for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key);
  };
  if (isObject(result) && isObject(result.data)) visit(result.data, '');
  return tables;
}
