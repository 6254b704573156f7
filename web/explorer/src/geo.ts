import { alpha2ToNumeric } from 'i18n-iso-countries';
import type { ExplorerModel } from './graphModel';

/**
 * What the map shows: each country of the current graph with how many of the graph's relationships involve it,
 * matched to world-atlas shapes by ISO 3166 numeric code (world-atlas's feature ids) through i18n-iso-countries.
 */

export interface CountryCount {
  id: string;
  label: string;
  /** ISO 3166-1 alpha-2, as the graph stores it. */
  code: string;
  /** ISO 3166-1 numeric, as world-atlas names its shapes ("156" for CN); null when ISO has none. */
  numeric: string | null;
  /** Relationships of the current graph with this country at one end. */
  count: number;
}

export function countryCounts(model: ExplorerModel): CountryCount[] {
  const counts = new Map<string, CountryCount>();
  for (const node of model.nodes.values()) {
    if (node.kind !== 'COUNTRY' || !node.countryCode) continue;
    const code = node.countryCode.toUpperCase();
    counts.set(node.id, { id: node.id, label: node.label, code, numeric: alpha2ToNumeric(code) ?? null, count: 0 });
  }
  for (const edge of model.edges.values()) {
    for (const end of new Set([edge.source, edge.target])) {
      const country = counts.get(end);
      if (country) country.count += 1;
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** The map's colour classes, lightest to darkest (ColorBrewer "Blues"); a country takes the last it reaches. */
export const COUNT_CLASSES: ReadonlyArray<{ min: number; max: number | null; colour: string; text: string }> = [
  { min: 0, max: 0, colour: '#deebf7', text: 'in the graph, no relationship drawn' },
  { min: 1, max: 1, colour: '#9ecae1', text: '1 relationship' },
  { min: 2, max: 2, colour: '#6baed6', text: '2 relationships' },
  { min: 3, max: 5, colour: '#3182bd', text: '3–5 relationships' },
  { min: 6, max: null, colour: '#08519c', text: '6 or more relationships' },
];

export const NOT_IN_GRAPH_COLOUR = '#e9ecef';

export function countClass(count: number): (typeof COUNT_CLASSES)[number] {
  return [...COUNT_CLASSES].reverse().find((entry) => count >= entry.min) ?? COUNT_CLASSES[0];
}
