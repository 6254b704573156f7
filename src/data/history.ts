import neo4j from 'neo4j-driver';
import type { CypherReader } from '../db/cypherRunner';
import { LIMITS } from '../limits';
import { boundedInt } from './arguments';
import { decodeCursor, type CursorBinding } from './cursors';
import { toPage, type ConnectionRecord } from './pagination';
import type { ChangeRecord } from './records';

/**
 * Reading the change history: one target's changes newest first, and the feed of all changes oldest first,
 * both paged by sequence number (unique, indexed, in commit order), so a follower of the feed never misses
 * a change committed after its last page.
 */

function toChangeRecord(value: unknown): ChangeRecord {
  const change = value as Record<string, unknown>;
  return {
    sequence: Number(change.sequence),
    at: String(change.at),
    principalId: String(change.principalId),
    principalName: String(change.principalName),
    operation: String(change.operation),
    targetUid: String(change.targetUid),
    targetKind: String(change.targetKind),
    targetLabel: String(change.targetLabel),
    changes: String(change.changes ?? '[]'),
    provenance: typeof change.provenance === 'string' ? change.provenance : null,
    versionAfter: change.versionAfter === null || change.versionAfter === undefined ? null : Number(change.versionAfter),
    revertOf: change.revertOf === null || change.revertOf === undefined ? null : Number(change.revertOf),
    fromUid: typeof change.fromUid === 'string' ? change.fromUid : null,
    toUid: typeof change.toUid === 'string' ? change.toUid : null,
  };
}

interface HistoryPageArgs {
  first?: number | null;
  after?: string | null;
}

/** A page through the shared page builder (src/data/pagination.ts), positioned by sequence number. */
function connection(rows: ChangeRecord[], size: number, binding: CursorBinding, after: number | null, count: () => Promise<number>): ConnectionRecord<ChangeRecord> {
  const window = { size, backward: false, position: after === null ? null : String(after) };
  const page = toPage(rows, window, binding, (change) => String(change.sequence));
  return {
    edges: page.items.map((node, index) => ({
      get cursor() {
        return page.cursorAt(index);
      },
      node,
    })),
    nodes: page.items,
    pageInfo: page.pageInfo,
    totalCount: count,
  };
}

function position(argument: string, cursor: string | null | undefined, binding: CursorBinding): number | null {
  if (!cursor) return null;
  const value = Number(decodeCursor(argument, cursor, binding));
  return Number.isSafeInteger(value) ? value : null;
}

/** The changes of one entity or relationship (`Label:key` or `Relationship:TYPE:id`), newest first. */
export async function historyOf(reader: CypherReader, targetUid: string, args: HistoryPageArgs): Promise<ConnectionRecord<ChangeRecord>> {
  const size = boundedInt('first', args.first, LIMITS.write.historyPage);
  const binding: CursorBinding = { list: `${targetUid}/history`, filter: {}, order: 'SEQUENCE DESC' };
  const before = position('after', args.after, binding);
  const rows = await reader.read('history/of-target', {
    targetUid,
    beforeSequence: neo4j.int(before ?? Number.MAX_SAFE_INTEGER),
    limit: neo4j.int(size + 1),
  });
  return connection(rows.map((row) => toChangeRecord(row.change)), size, binding, before, async () =>
    Number((await reader.read('history/count-of-target', { targetUid }))[0].count));
}

/** The feed of every change at or after `since`, oldest first. */
export async function changeFeed(reader: CypherReader, since: string | null | undefined, args: HistoryPageArgs): Promise<ConnectionRecord<ChangeRecord>> {
  const size = boundedInt('first', args.first, LIMITS.write.historyPage);
  const sinceIso = since ?? '0001-01-01T00:00:00Z';
  const binding: CursorBinding = { list: 'changes', filter: { since: sinceIso }, order: 'SEQUENCE ASC' };
  const after = position('after', args.after, binding);
  const rows = await reader.read('history/feed', { since: sinceIso, afterSequence: neo4j.int(after ?? 0), limit: neo4j.int(size + 1) });
  return connection(rows.map((row) => toChangeRecord(row.change)), size, binding, after, async () =>
    Number((await reader.read('history/feed-count', { since: sinceIso }))[0].count));
}

export async function changesBySequence(reader: CypherReader, sequences: readonly number[]): Promise<Array<ChangeRecord | null>> {
  const rows = await reader.read('history/by-sequences', { sequences: sequences.map((sequence) => neo4j.int(sequence)) });
  const found = new Map(rows.map((row) => {
    const record = toChangeRecord(row.change);
    return [record.sequence, record] as const;
  }));
  return sequences.map((sequence) => found.get(sequence) ?? null);
}
