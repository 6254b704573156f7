/**
 * The value type of a stored property, as the export formats need it before their first row: typed CSV headers
 * (`year:long`, `aliases:string[]`) and GraphML `<key attr.type>`. Read from Neo4j's `valueType()` by the
 * property survey, because the driver hands integers and floats alike to JavaScript as numbers.
 */
export type ScalarType = 'string' | 'long' | 'double' | 'boolean';

export interface PropertyType {
  scalar: ScalarType;
  list: boolean;
}

/** The stored properties of one label or relationship type, by name in alphabetical order. */
export type PropertyColumns = ReadonlyMap<string, PropertyType>;

const SCALARS: Record<string, ScalarType> = { STRING: 'string', INTEGER: 'long', FLOAT: 'double', BOOLEAN: 'boolean' };

/** One `valueType()` answer ("INTEGER NOT NULL", "LIST<STRING NOT NULL> NOT NULL"); temporal and spatial values are exported as text. */
export function parseValueType(valueType: string): PropertyType | 'EMPTY_LIST' {
  const text = valueType.replace(/ NOT NULL/g, '').trim();
  const list = /^LIST<(.+)>$/.exec(text);
  if (list) {
    if (list[1] === 'NOTHING') return 'EMPTY_LIST';
    return { scalar: SCALARS[list[1]] ?? 'string', list: true };
  }
  return { scalar: SCALARS[text] ?? 'string', list: false };
}

/** The one type that holds every value a property takes: integers with floats are doubles, any other mix is text. */
export function unifyValueTypes(valueTypes: readonly string[]): PropertyType {
  const parsed = valueTypes.map(parseValueType);
  const typed = parsed.filter((type): type is PropertyType => type !== 'EMPTY_LIST');
  if (typed.length === 0) return { scalar: 'string', list: true };
  const list = typed[0].list || parsed.includes('EMPTY_LIST');
  if (typed.some((type) => type.list !== typed[0].list)) return { scalar: 'string', list: false };
  const scalars = new Set(typed.map((type) => type.scalar));
  if (scalars.size === 1) return { scalar: typed[0].scalar, list };
  if (scalars.size === 2 && scalars.has('long') && scalars.has('double')) return { scalar: 'double', list };
  return { scalar: 'string', list };
}

/** Survey rows (`name`, `types`) of one label or type as sorted columns. */
export function columnsFrom(rows: ReadonlyArray<{ name: string; types: readonly string[] }>): PropertyColumns {
  const byName = new Map<string, string[]>();
  for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), ...row.types]);
  return new Map([...byName.keys()].sort().map((name) => [name, unifyValueTypes(byName.get(name)!)] as const));
}
