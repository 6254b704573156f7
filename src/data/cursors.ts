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

export function filterDigest(filter: Record<string, unknown>): string {
  const canonical = Object.keys(filter)
    .filter((name) => filter[name] !== null && filter[name] !== undefined)
    .sort()
    .map((name) => [name, filter[name]]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 12);
}

export function encodeCursor(binding: CursorBinding, position: string): string {
  return Buffer.from(JSON.stringify([VERSION, binding.list, filterDigest(binding.filter), binding.order, position]), 'utf8').toString('base64url');
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
