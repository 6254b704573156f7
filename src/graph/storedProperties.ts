import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { lookupText, normalizeForLookup } from '../data/normalize';
import { otherNameValues } from './localizedNames';
import { KEY_ALIAS_PROPERTY } from './model';
import type { NodeLabel, RelationshipType } from './vocabulary';

/**
 * The one place that derives what is stored besides the facts themselves: the graph-wide `uid`, the folded
 * `lookupText` and `namesText` (names in every language), the index-backed sort keys, provenance as JSON with its source keys, and stable relationship
 * ids. The seed, the synthetic writer and (next) mutations and import all write through here, so a node
 * written by any of them sorts, filters and pages alike.
 */

export type FactValue = string | number | boolean | string[] | number[];

export type Confidence = 'HIGH' | 'MEDIUM' | 'LOW';

export interface ProvenanceEntry {
  /** Key of a registered `Source`; absent when the fact was entered by a person without one. */
  source?: string;
  quote?: string;
  confidence: Confidence;
  note?: string;
  rawLabel?: string;
  /** The principal who wrote it through the API (history records every write; this says it on the fact). */
  enteredBy?: string;
  /** The day it was written (YYYY-MM-DD). */
  enteredOn?: string;
}

/** Confidence as a number, so `minConfidence` filters compare with `>=`. */
export const CONFIDENCE_RANK: Record<Confidence, number> = { LOW: 1, MEDIUM: 2, HIGH: 3 };

/**
 * Separates the parts of a sort key. It sorts below every printable character, so "Asia" comes before
 * "Asia Pacific" and the trailing key only breaks ties between equal names.
 */
export const SORT_SEPARATOR = '\u001f';

/** Stored sort keys, one per order a list offers; each is unique (it ends with the node's key) and range-indexed. */
export const SORT_PROPERTIES = {
  NAME: 'sortName',
  ACRONYM: 'sortAcronym',
  FOUNDED_YEAR: 'sortFoundedYear',
  YEAR: 'sortYear',
  CODE: 'sortCode',
} as const;
export type SortField = keyof typeof SORT_PROPERTIES;

/** Which sort keys each label stores (every label has NAME and CODE, which is the natural key itself). */
export const SORT_FIELDS_BY_LABEL: Record<NodeLabel, readonly SortField[]> = {
  Source: ['NAME', 'CODE'],
  Country: ['NAME', 'CODE'],
  Region: ['NAME', 'CODE'],
  Organization: ['NAME', 'CODE', 'ACRONYM', 'FOUNDED_YEAR'],
  Agreement: ['NAME', 'CODE'],
  Project: ['NAME', 'CODE'],
  Theme: ['NAME', 'CODE'],
  Person: ['NAME', 'CODE'],
  Position: ['NAME', 'CODE'],
  Event: ['NAME', 'CODE', 'YEAR'],
  TrainingProgram: ['NAME', 'CODE'],
  Claim: ['NAME', 'CODE'],
};

export function entityUid(label: NodeLabel, key: string): string {
  return `${label}:${key}`;
}

/** The name an entity sorts and displays by when it has no `name`. */
export function sortableName(props: Record<string, unknown>, key: string): string {
  const name = props.name ?? props.title;
  return typeof name === 'string' ? name : key;
}

/** Years sort as four digits; an unknown year sorts before every known one in ascending order. */
function yearPart(value: unknown): string {
  const year = typeof value === 'number' ? value : neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : null;
  return year === null ? '' : String(year).padStart(4, '0');
}

export function sortKeys(label: NodeLabel, key: string, props: Record<string, unknown>): Record<string, string> {
  const name = normalizeForLookup(sortableName(props, key));
  const keys: Record<string, string> = {
    [SORT_PROPERTIES.NAME]: [name, key].join(SORT_SEPARATOR),
    [SORT_PROPERTIES.CODE]: key,
  };
  const fields = SORT_FIELDS_BY_LABEL[label];
  if (fields.includes('ACRONYM')) {
    const acronym = typeof props.acronym === 'string' ? normalizeForLookup(props.acronym) : name;
    keys[SORT_PROPERTIES.ACRONYM] = [acronym, key].join(SORT_SEPARATOR);
  }
  if (fields.includes('FOUNDED_YEAR')) keys[SORT_PROPERTIES.FOUNDED_YEAR] = [yearPart(props.foundedYear), name, key].join(SORT_SEPARATOR);
  if (fields.includes('YEAR')) keys[SORT_PROPERTIES.YEAR] = [yearPart(props.year), name, key].join(SORT_SEPARATOR);
  return keys;
}

/**
 * Provenance goes in as JSON text plus the source keys and the best confidence of its entries (Neo4j
 * properties cannot hold maps), so readers can filter by source and confidence.
 */
export function provenanceProperties(provenance: readonly ProvenanceEntry[]): { provenance: string; sourceKeys: string[]; confidenceRank: number } {
  return {
    provenance: JSON.stringify(provenance),
    sourceKeys: [...new Set(provenance.flatMap((entry) => (entry.source ? [entry.source] : [])))],
    confidenceRank: Math.max(0, ...provenance.map((entry) => CONFIDENCE_RANK[entry.confidence] ?? 0)),
  };
}

/** Two provenance entries say the same when they differ at most in the day they were entered. */
export function sameProvenance(a: ProvenanceEntry, b: ProvenanceEntry): boolean {
  const { enteredOn: _a, ...left } = a;
  const { enteredOn: _b, ...right } = b;
  return JSON.stringify(left, Object.keys(left).sort()) === JSON.stringify(right, Object.keys(right).sort());
}

/** What a write stores as provenance: what was there, plus the new entry unless it says the same again. */
export function withProvenance(existing: readonly ProvenanceEntry[], entry: ProvenanceEntry): ProvenanceEntry[] {
  return existing.some((known) => sameProvenance(known, entry)) ? [...existing] : [...existing, entry];
}

/** Lost-update protection: every write increments `version`; created and updated times are kept beside it. */
export interface Bookkeeping {
  version: number;
  createdAt: string;
  updatedAt: string;
}

function bookkeepingProperties(bookkeeping: Bookkeeping | undefined): Record<string, unknown> {
  // Writers without history (the synthetic generator) still give every node a version clients can send back.
  if (!bookkeeping) return { version: neo4j.int(1) };
  return { version: neo4j.int(bookkeeping.version), createdAt: bookkeeping.createdAt, updatedAt: bookkeeping.updatedAt };
}

/** JSON has one number type; whole numbers (years, editions, counts) are stored as Neo4j integers. */
export function asNeo4jValue(value: FactValue): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return (value as unknown[]).map((item) => asNeo4jValue(item as FactValue));
  return value;
}

/** Everything stored on an entity node: its facts plus the derived bookkeeping properties. */
export function entityProperties(
  label: NodeLabel,
  key: string,
  facts: Record<string, FactValue>,
  provenance: readonly ProvenanceEntry[],
  bookkeeping?: Bookkeeping,
): Record<string, unknown> {
  const stored: Record<string, unknown> = Object.fromEntries(Object.entries(facts).map(([name, value]) => [name, asNeo4jValue(value)]));
  if (Array.isArray(facts.aliases)) stored.aliasesText = (facts.aliases as string[]).join(' | ');
  // The source's own words for an entity (region labels, partner kinds) are searched like aliases (migration 0008).
  const labels = [facts.sourceLabels, facts.partnerTypeLabels].flatMap((list) => (Array.isArray(list) ? (list as string[]) : []));
  if (labels.length > 0) stored.labelsText = labels.join(' | ');
  // Names in other languages are searched (migration 0010) and looked up like aliases, in every language.
  const otherNames = otherNameValues(facts);
  if (otherNames.length > 0) stored.namesText = otherNames.join(' | ');
  // Organization references accept an acronym case-insensitively: an indexed, folded copy serves them.
  if (typeof facts.acronym === 'string') stored.acronymKey = normalizeForLookup(facts.acronym);
  return {
    ...stored,
    ...(KEY_ALIAS_PROPERTY[label] ? { [KEY_ALIAS_PROPERTY[label]]: key } : {}),
    key,
    uid: entityUid(label, key),
    lookupText: lookupText(facts, otherNames),
    ...sortKeys(label, key, facts),
    ...provenanceProperties(provenance),
    ...bookkeepingProperties(bookkeeping),
  };
}

/**
 * A relationship's stable id: derived from its type, its ends and (for parallel relationships of one type
 * between the same ends) a discriminator, so re-loading the same fact gives the same id. Neo4j's elementId is
 * not stable across transactions and is never handed out.
 */
export function relationshipId(type: RelationshipType, fromUid: string, toUid: string, discriminator = ''): string {
  return createHash('sha256').update([type, fromUid, toUid, discriminator].join('\u0000')).digest('base64url').slice(0, 22);
}

/** Everything stored on a relationship: its qualifiers plus id and provenance. */
export function relationshipProperties(
  type: RelationshipType,
  fromUid: string,
  toUid: string,
  qualifiers: Record<string, FactValue>,
  provenance: readonly ProvenanceEntry[],
  discriminator = '',
  bookkeeping?: Bookkeeping,
): Record<string, unknown> {
  const stored = Object.fromEntries(Object.entries(qualifiers).map(([name, value]) => [name, asNeo4jValue(value)]));
  return {
    ...stored,
    ...validityBounds(qualifiers),
    id: relationshipId(type, fromUid, toUid, discriminator),
    ...provenanceProperties(provenance),
    ...bookkeepingProperties(bookkeeping),
    ...(discriminator ? { discriminator } : {}),
  };
}

/** The bounds stored when a relationship says when it held: `asOf` reads keep it when validFromBound <= day < validToBound. */
export const OPEN_START = '0000-01-01';
export const OPEN_END = '9999-12-31';

/**
 * `validFrom` / `validTo` as comparable day strings, widened to the whole period their precision allows: a YEAR
 * start "2012" holds from 2012-01-01, a YEAR end "2012" until 2013-01-01 (exclusive), so a fact whose change
 * date is known only to the year overlaps its successor in that year rather than claiming a day nobody knows.
 * Stored only on relationships that carry a temporal qualifier; reads treat a missing bound as open.
 */
export function validityBounds(qualifiers: Record<string, unknown>): Record<string, string> {
  const temporal = ['validFrom', 'validTo', 'validFromPrecision', 'validToPrecision'].some((name) => qualifiers[name] !== undefined && qualifiers[name] !== null);
  if (!temporal) return {};
  return {
    validFromBound: periodStart(qualifiers.validFrom, qualifiers.validFromPrecision) ?? OPEN_START,
    validToBound: periodEnd(qualifiers.validTo, qualifiers.validToPrecision) ?? OPEN_END,
  };
}

function periodStart(date: unknown, precision: unknown): string | null {
  if (typeof date !== 'string') return null;
  if (precision === 'YEAR') return `${date.slice(0, 4)}-01-01`;
  if (precision === 'MONTH') return `${date.slice(0, 7)}-01`;
  return precision === 'DAY' || precision === undefined || precision === null ? date : null;
}

function periodEnd(date: unknown, precision: unknown): string | null {
  if (typeof date !== 'string') return null;
  const year = Number(date.slice(0, 4));
  if (precision === 'YEAR') return `${String(year + 1).padStart(4, '0')}-01-01`;
  if (precision === 'MONTH') {
    const month = Number(date.slice(5, 7));
    return month === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${date.slice(0, 5)}${String(month + 1).padStart(2, '0')}-01`;
  }
  return precision === 'DAY' || precision === undefined || precision === null ? date : null;
}
