import type { PropertyColumns, PropertyType } from '../propertyTypes';

/**
 * Headers in the format of `neo4j-admin database import`: `uid:ID` and `:LABEL` for entities, `:START_ID`,
 * `:END_ID` and `:TYPE` for relationships, then one column per stored property, typed where it is not text
 * (`year:long`, `foundedYear:long`, `holderNamed:boolean`, `aliases:string[]`). Integers are `long`: Cypher
 * integers are 64-bit, and `int` would store a narrower type than the graph had.
 */
export const ARRAY_DELIMITER = ';';

export function propertyHeader(name: string, type: PropertyType): string {
  if (type.scalar === 'string' && !type.list) return name;
  return `${name}:${type.scalar}${type.list ? '[]' : ''}`;
}

/** The property columns of one file, in the survey's (alphabetical) order, less those the header writes itself. */
export function propertyColumns(columns: PropertyColumns, written: readonly string[]): Array<[string, PropertyType]> {
  return [...columns.entries()].filter(([name]) => !written.includes(name));
}

/** A cell: lists joined by the array delimiter, absent values empty. */
export function cell(value: unknown, type: PropertyType, where: string): string | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) return String(value);
  const items = value.map(String);
  // neo4j-admin has no escape for the array delimiter: a list item holding it cannot be exported faithfully.
  const ambiguous = items.find((item) => item.includes(ARRAY_DELIMITER));
  if (ambiguous !== undefined) throw new Error(`${where}: list item ${JSON.stringify(ambiguous)} contains the CSV array delimiter "${ARRAY_DELIMITER}".`);
  return type.list ? items.join(ARRAY_DELIMITER) : JSON.stringify(value);
}
