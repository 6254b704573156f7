import type { CypherReader, Params } from '../db/cypherRunner';
import { BadInputError, LimitExceededError } from '../errors';
import { toEntityRecord, type EntityRecord } from './records';

export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  first?: number | null;
  after?: string | null;
  orderField?: string;
  direction?: 'ASC' | 'DESC' | null;
}

export interface Connection {
  edges: Array<{ cursor: string; node: EntityRecord }>;
  nodes: EntityRecord[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** A function, so Apollo's default resolver runs the count query only when a client selects `totalCount`. */
  totalCount: () => Promise<number>;
}

/**
 * Keyset pagination over a pair of named Cypher files, `<area>/list` and `<area>/count`, which share their
 * filters. Cursors carry the last row's sort value and key, so a page never re-reads the rows before it.
 */
export async function paginate(
  cypher: CypherReader,
  area: string,
  filters: Params,
  page: PageRequest,
): Promise<Connection> {
  const first = page.first ?? 20;
  if (first < 0) throw new BadInputError('first', 'must be zero or more.');
  if (first > MAX_PAGE_SIZE) throw new LimitExceededError('first', MAX_PAGE_SIZE);
  const order = `${page.orderField ?? 'DEFAULT'} ${page.direction ?? 'ASC'}`;
  const after = page.after ? decodeCursor(page.after) : null;
  if (after && after.order !== order) {
    throw new BadInputError('after', `was made for the order ${after.order}, not ${order}. Restart from the first page.`);
  }
  const rows = await cypher.read(`${area}/list`, {
    ...filters,
    orderField: page.orderField ?? null,
    descending: page.direction === 'DESC',
    afterValue: after?.value ?? null,
    afterKey: after?.key ?? null,
    limit: first + 1,
  });
  const edges = rows.slice(0, first).map((row) => {
    const node = toEntityRecord(row.entity);
    return { cursor: encodeCursor({ order, value: String(row.sortValue), key: node.key }), node };
  });
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: async () => Number((await cypher.read(`${area}/count`, filters))[0].total),
  };
}

/** Where a page ended, and for which sort order (a cursor is only valid with the order that made it). */
interface CursorPosition {
  order: string;
  value: string;
  key: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.order, position.value, position.key]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 3 && decoded.every((part) => typeof part === 'string')) {
      return { order: decoded[0], value: decoded[1], key: decoded[2] };
    }
  } catch {
    // Fall through to the error below: a cursor that is not ours.
  }
  throw new BadInputError('after', 'is not a valid cursor. Pass `pageInfo.endCursor` from a previous page.');
}
