import { createHash } from 'node:crypto';
import { BadInputError } from '../errors';

/**
 * Cursors are opaque to clients and bound to the list that made them: the list (a root list, or one
 * relationship field of one entity), a digest of its filter, and its order. Replayed on another list, filter
 * or order, a cursor is BAD_USER_INPUT instead of a silently wrong page. The position is the row's stored,
 * unique sort key, so the next page is an index seek from it.
 */
export interface CursorBinding {
  /** e.g. `organizations`, or `Organization:cgs/memberCountries`. */
  list: string;
  /** Canonical filter values of the list (null/undefined entries are ignored). */
  filter: Record<string, unknown>;
  /** e.g. `NAME ASC`. */
  order: string;
}

const VERSION = 'c1';

/** Digests of recent filters: most pages of an answer (every nested relationship page) share one filter. */
const recentDigests = new Map<string, string>();
const RECENT_DIGESTS_KEPT = 1_000;

export function filterDigest(filter: Record<string, unknown>): string {
  const canonical = JSON.stringify(
    Object.keys(filter)
      .filter((name) => filter[name] !== null && filter[name] !== undefined)
      .sort()
      .map((name) => [name, filter[name]]),
  );
  let digest = recentDigests.get(canonical);
  if (digest === undefined) {
    digest = createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
    if (recentDigests.size >= RECENT_DIGESTS_KEPT) recentDigests.clear();
    recentDigests.set(canonical, digest);
  }
  return digest;
}

export function encodeCursor(binding: CursorBinding, position: string): string {
  return cursorEncoder(binding)(position);
}

/** Encodes the cursors of one page: the filter's digest (a hash) is computed once, not once per row. */
export function cursorEncoder(binding: CursorBinding): (position: string) => string {
  const digest = filterDigest(binding.filter);
  return (position) => Buffer.from(JSON.stringify([VERSION, binding.list, digest, binding.order, position]), 'utf8').toString('base64url');
}

/** The position a cursor names, after checking that it was made for this list, filter and order. */
export function decodeCursor(argument: string, cursor: string, binding: CursorBinding): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 5 || decoded[0] !== VERSION || !decoded.every((part) => typeof part === 'string')) {
    throw new BadInputError(argument, 'is not a valid cursor. Pass `pageInfo.endCursor` (or `startCursor`) of a previous page.');
  }
  const [, list, digest, order, position] = decoded as string[];
  if (list !== binding.list) throw new BadInputError(argument, `is a cursor of another list (${list}), not of ${binding.list}.`);
  if (digest !== filterDigest(binding.filter)) throw new BadInputError(argument, 'was made with another filter. Restart from the first page.');
  if (order !== binding.order) throw new BadInputError(argument, `was made for the order ${order}, not ${binding.order}. Restart from the first page.`);
  return position;
}
