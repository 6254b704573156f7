import type { Row } from '../db/cypherRunner';
import { BadInputError, LimitExceededError } from '../errors';
import type { NodeLabel } from '../graph/vocabulary';
import { normalizeForLookup } from './normalize';
import { toEntityRecord, type EntityRecord } from './records';
import { boundedInt, kindsArg, type WalkContext } from './traversal';

/**
 * Full-text search (the `entity_search` index of migration 0004) and exact name look-up. User text never
 * reaches Lucene unescaped: it is normalised, split into words and every special character escaped.
 * Pagination is by offset within the best MAX_SEARCH_RESULTS matches: cursors carry the position of a result.
 */

export const DEFAULT_SEARCH_FIRST = 10;
export const MAX_SEARCH_FIRST = 50;
/** The most results one search can page through (totalCount counts no further). */
export const MAX_SEARCH_RESULTS = 200;
/** Lucene hits read before the kind filter and re-ranking. */
export const SEARCH_SCAN_LIMIT = 1_000;
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 20;
/** Added to the score of an entity whose name, acronym or alias is exactly the query. */
export const EXACT_MATCH_BONUS = 10;
/** Words this long or longer are also searched for as the start of a word. */
const PREFIX_MIN_LENGTH = 3;
/** Prefix matches count for less than whole-word matches. */
const PREFIX_BOOST = 0.5;
export const MAX_LOOKUP_RESULTS = 50;

export interface SearchArgs {
  query: string;
  kinds?: readonly string[] | null;
  first?: number | null;
  after?: string | null;
}

export interface SearchRequest {
  lucene: string;
  exact: string;
  labels: NodeLabel[] | null;
  first: number;
  offset: number;
}

export interface SearchResult {
  edges: Array<{ cursor: string; score: number; node: EntityRecord }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** Lucene's query-syntax characters (`&&`/`||` are covered by escaping `&` and `|`). */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(word: string): string {
  return word.replace(LUCENE_SPECIAL, (char) => `\\${char}`);
}

/** The words of a query, normalised like `lookupText` (lower case, no accents, single spaces). */
function queryWords(argument: string, text: string): string {
  if (text.length > MAX_QUERY_LENGTH) {
    throw new LimitExceededError(argument, MAX_QUERY_LENGTH, `Argument "${argument}" is longer than ${MAX_QUERY_LENGTH} characters.`);
  }
  const normalized = normalizeForLookup(text);
  if (!normalized) throw new BadInputError(argument, 'must contain at least one word.');
  return normalized;
}

/**
 * The Lucene query for some user text: each word as an escaped term (lower case, so `AND`/`OR`/`NOT` are
 * words, not operators) and, from three characters on, as an escaped prefix with a lower weight.
 */
export function luceneQuery(text: string): { lucene: string; exact: string } {
  const exact = queryWords('query', text);
  const words = exact.split(' ');
  if (words.length > MAX_QUERY_WORDS) {
    throw new LimitExceededError('query', MAX_QUERY_WORDS, `Argument "query" has more than ${MAX_QUERY_WORDS} words.`);
  }
  const clauses = words.flatMap((word) => {
    const escaped = escapeLucene(word);
    return word.length >= PREFIX_MIN_LENGTH ? [escaped, `${escaped}*^${PREFIX_BOOST}`] : [escaped];
  });
  return { lucene: clauses.join(' '), exact };
}

export function searchRequest(args: SearchArgs): SearchRequest {
  const { lucene, exact } = luceneQuery(args.query);
  return {
    lucene,
    exact,
    labels: kindsArg('kinds', args.kinds),
    first: boundedInt('first', args.first, { min: 0, max: MAX_SEARCH_FIRST, default: DEFAULT_SEARCH_FIRST }),
    offset: args.after ? decodeSearchCursor(args.after) + 1 : 0,
  };
}

const CURSOR_PREFIX = 'search:';

/** A search cursor is the result's 0-based position, opaque to clients (base64url of `search:<position>`). */
export function encodeSearchCursor(position: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`, 'utf8').toString('base64url');
}

export function decodeSearchCursor(cursor: string): number {
  const decoded = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^search:(\d{1,6})$/.exec(decoded);
  const position = match ? Number(match[1]) : NaN;
  if (!(position >= 0 && position < MAX_SEARCH_RESULTS)) {
    throw new BadInputError('after', 'is not a valid search cursor. Pass a `cursor` or `pageInfo.endCursor` of a previous page.');
  }
  return position;
}

export async function search(walk: WalkContext, request: SearchRequest): Promise<SearchResult> {
  const [row] = await walk.cypher.read(
    'search/fulltext',
    {
      query: request.lucene,
      exact: request.exact,
      exactBonus: EXACT_MATCH_BONUS,
      labels: request.labels,
      scanLimit: SEARCH_SCAN_LIMIT,
      maxResults: MAX_SEARCH_RESULTS,
      offset: request.offset,
      pageSize: request.first,
    },
    walk.timeoutMs,
  );
  const total = Number(row?.total ?? 0);
  const page = (row?.page ?? []) as Array<{ score: number; entity: unknown }>;
  const edges = page.map((hit, index) => ({
    cursor: encodeSearchCursor(request.offset + index),
    score: Number(hit.score),
    node: toEntityRecord(hit.entity),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: request.offset + edges.length < total,
      hasPreviousPage: request.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: total,
  };
}

export interface LookupArgs {
  name: string;
  kinds?: readonly string[] | null;
}

/** Entities one of whose names is exactly `name`, ignoring case, accents and repeated spaces. */
export async function lookup(walk: WalkContext, args: LookupArgs): Promise<EntityRecord[]> {
  const name = queryWords('name', args.name);
  const rows: Row[] = await walk.cypher.read(
    'search/lookup',
    { name, labels: kindsArg('kinds', args.kinds), limit: MAX_LOOKUP_RESULTS },
    walk.timeoutMs,
  );
  return rows.map((row) => toEntityRecord(row.entity));
}
