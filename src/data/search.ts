import type { CypherReader } from '../db/cypherRunner';
import { BadInputError } from '../errors';
import type { Deadline } from '../graphql/deadline';
import { isNodeLabel, type NodeLabel } from '../graph/vocabulary';
import type { EntityKind } from '../generated/graphql';
import { kindOf } from './entityView';
import { LIMITS } from '../limits';
import { boundedInt, kindsArg, wordsArg } from './arguments';
import { toEntityRecord, type EntityRecord } from './records';

/**
 * Full-text search (the `entity_search` index of migrations 0004 and 0008) and exact name look-up. User text never
 * reaches Lucene unescaped: it is normalised, split into words and every special character escaped.
 * Pagination is by offset within the best `search.results` matches: cursors carry the position of a result.
 * Caps and the page size come from src/limits.ts (`search.*`).
 */

/** Added to the score of an entity whose name, acronym or alias is exactly the query (a ranking rule, not a cap). */
export const EXACT_MATCH_BONUS = 10;
/** Words this long or longer are also searched for as the start of a word. */
const PREFIX_MIN_LENGTH = 3;
/** Prefix matches count for less than whole-word matches. */
const PREFIX_BOOST = 0.5;
/** Words this long or longer are searched for with one typo allowed when nothing else matches; two from FUZZY_TWO_EDITS on. */
const FUZZY_MIN_LENGTH = 4;
const FUZZY_TWO_EDITS = 8;

/** What a search needs from the request: the operation's reader and its deadline. A RequestContext is one. */
export interface SearchContext {
  cypher: CypherReader;
  deadline: Deadline;
}

export interface SearchArgs {
  query: string;
  kinds?: readonly string[] | null;
  first?: number | null;
  after?: string | null;
}

export interface SearchRequest {
  lucene: string;
  /** The same words as fuzzy terms, searched only when `lucene` finds nothing; null when no word is long enough. */
  fuzzy: string | null;
  exact: string;
  labels: NodeLabel[] | null;
  first: number;
  offset: number;
}

export type SearchMatch = 'EXACT' | 'WORDS' | 'FUZZY';

export interface SearchEdgeResult {
  cursor: string;
  score: number;
  match: SearchMatch;
  node: EntityRecord;
}

export interface SearchResult {
  edges: SearchEdgeResult[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
  kinds: Array<{ kind: EntityKind; count: number }>;
}

/** Lucene's query-syntax characters (`&&`/`||` are covered by escaping `&` and `|`). */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(word: string): string {
  return word.replace(LUCENE_SPECIAL, (char) => `\\${char}`);
}

/**
 * The Lucene query for some user text: each word as an escaped term (lower case, so `AND`/`OR`/`NOT` are
 * words, not operators) and, from PREFIX_MIN_LENGTH characters on, as an escaped prefix with a lower weight.
 */
export function luceneQuery(text: string): { lucene: string; fuzzy: string | null; exact: string } {
  const words = wordsArg('query', text, { maxLength: LIMITS.search.queryLength, maxWords: LIMITS.search.queryWords });
  const clauses = words.flatMap((word) => {
    const escaped = escapeLucene(word);
    return word.length >= PREFIX_MIN_LENGTH ? [escaped, `${escaped}*^${PREFIX_BOOST}`] : [escaped];
  });
  const fuzzy = words.some((word) => word.length >= FUZZY_MIN_LENGTH)
    ? words
        .map((word) => {
          const escaped = escapeLucene(word);
          if (word.length < FUZZY_MIN_LENGTH) return escaped;
          return `${escaped}~${word.length >= FUZZY_TWO_EDITS ? 2 : 1}`;
        })
        .join(' ')
    : null;
  return { lucene: clauses.join(' '), fuzzy, exact: words.join(' ') };
}

export function searchRequest(args: SearchArgs): SearchRequest {
  const { lucene, fuzzy, exact } = luceneQuery(args.query);
  return {
    lucene,
    fuzzy,
    exact,
    labels: kindsArg('kinds', args.kinds),
    first: boundedInt('first', args.first, LIMITS.search.first),
    offset: args.after ? decodeSearchCursor(args.after) + 1 : 0,
  };
}

const CURSOR_PREFIX = 'search:';

/** A search cursor is the result's 0-based position, opaque to clients (base64url of `search:<position>`). */
export function encodeSearchCursor(position: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`, 'utf8').toString('base64url');
}

/** The position an `after` cursor carries; BAD_USER_INPUT for a cursor that is not ours or lies beyond the results. */
export function decodeSearchCursor(cursor: string): number {
  const decoded = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^search:(\d{1,6})$/.exec(decoded);
  const position = match ? Number(match[1]) : NaN;
  if (!(position >= 0 && position < LIMITS.search.results)) {
    throw new BadInputError('after', 'is not a valid search cursor. Pass a `cursor` or `pageInfo.endCursor` of a previous page.');
  }
  return position;
}

export async function search(ctx: SearchContext, request: SearchRequest): Promise<SearchResult> {
  ctx.deadline.check();
  const [row] = await ctx.cypher.read('search/fulltext', {
    query: request.lucene,
    fuzzy: request.fuzzy,
    exact: request.exact,
    exactBonus: EXACT_MATCH_BONUS,
    labels: request.labels,
    scanLimit: LIMITS.search.scan,
    maxResults: LIMITS.search.results,
    offset: request.offset,
    pageSize: request.first,
  });
  const total = Number(row?.total ?? 0);
  const page = (row?.page ?? []) as Array<{ score: number; match: SearchMatch; entity: unknown }>;
  const edges = page.map((hit, index) => ({
    cursor: encodeSearchCursor(request.offset + index),
    score: Number(hit.score),
    match: hit.match,
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
    kinds: countsByKind((row?.labels ?? []) as string[][]),
  };
}

/** How many ranked hits are of each kind, most first (then by kind). */
function countsByKind(labelsOfHits: string[][]): Array<{ kind: EntityKind; count: number }> {
  const counts = new Map<EntityKind, number>();
  for (const labels of labelsOfHits) {
    const label = labels.find(isNodeLabel);
    if (!label) continue;
    const kind = kindOf(label) as EntityKind;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}

export interface LookupArgs {
  name: string;
  kinds?: readonly string[] | null;
}

/** Entities one of whose names is exactly `name`, ignoring case, accents and repeated spaces. */
export async function lookup(ctx: SearchContext, args: LookupArgs): Promise<EntityRecord[]> {
  const name = wordsArg('name', args.name, { maxLength: LIMITS.search.queryLength }).join(' ');
  const labels = kindsArg('kinds', args.kinds);
  ctx.deadline.check();
  const rows = await ctx.cypher.read('search/lookup', { name, labels, limit: LIMITS.search.lookupResults });
  return rows.map((row) => toEntityRecord(row.entity));
}
