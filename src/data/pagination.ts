import { BadInputError } from '../errors';
import { boundedInt } from './arguments';
import type { Bounds } from '../limits';
import { cursorEncoder, decodeCursor, type CursorBinding } from './cursors';

/** Relay's paging arguments as clients send them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * A checked page request: how many rows, from which stored position, in which direction. Backward pages
 * (`last`/`before`) read in the reverse order and are turned round afterwards, so both directions seek.
 */
export interface PageWindow {
  size: number;
  backward: boolean;
  /** The position to seek from (exclusive), or null for the start (or end) of the list. */
  position: string | null;
}

export function pageWindow(args: PageArgs, bounds: Bounds, binding: CursorBinding): PageWindow {
  const backward = args.last !== null && args.last !== undefined;
  if (backward && args.first !== null && args.first !== undefined) {
    throw new BadInputError('last', 'give `first` (with `after`) or `last` (with `before`), not both.');
  }
  if (backward && args.after) throw new BadInputError('after', 'pages backwards (`last`) take `before`, not `after`.');
  if (!backward && args.before) throw new BadInputError('before', '`before` pages backwards: pass it with `last`.');
  const size = boundedInt(backward ? 'last' : 'first', backward ? args.last : args.first, bounds);
  const cursor = backward ? args.before : args.after;
  return { size, backward, position: cursor ? decodeCursor(backward ? 'before' : 'after', cursor, binding) : null };
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface EdgeRecord<T> {
  cursor: string;
  node: T;
}

/** The shape of every connection the data layer returns; `totalCount` runs its count only when selected. */
export interface ConnectionRecord<T> {
  edges: Array<EdgeRecord<T>>;
  nodes: T[];
  /** A promise only where it is read later (a relationship page read ahead without its extra row). */
  pageInfo: PageInfo | Promise<PageInfo>;
  totalCount: () => Promise<number>;
}

/**
 * Turns the rows read for a window (at most size + 1, in reading order) into a page in list order. The
 * extra row only says whether there is more in the reading direction. Cursors are made when read (an edge's
 * `cursor`, `pageInfo`'s start and end), not for every row: most queries select none.
 */
export function toPage<T>(
  rows: readonly T[],
  window: PageWindow,
  binding: CursorBinding,
  positionOf: (row: T) => string,
): { items: T[]; cursorAt: (index: number) => string; pageInfo: PageInfo } {
  const more = rows.length > window.size;
  const taken = rows.slice(0, window.size);
  const items = window.backward ? [...taken].reverse() : taken;
  let encode: ((position: string) => string) | undefined;
  const cursorAt = (index: number) => {
    const position = positionOf(items[index]);
    // A page read ahead without positions (no cursor selected anywhere in the operation) must never make one.
    if (position === '') throw new Error(`A cursor of ${binding.list} was asked for a row read without its position.`);
    return (encode ??= cursorEncoder(binding))(position);
  };
  return {
    items,
    cursorAt,
    pageInfo: {
      hasNextPage: window.backward ? window.position !== null : more,
      hasPreviousPage: window.backward ? more : window.position !== null,
      get startCursor() {
        return items.length === 0 ? null : cursorAt(0);
      },
      get endCursor() {
        return items.length === 0 ? null : cursorAt(items.length - 1);
      },
    },
  };
}
