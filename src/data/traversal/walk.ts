import type { CypherReader, Params, Row } from '../../db/cypherRunner';
import { AppError, ErrorCode } from '../../errors';
import type { Deadline } from '../../graphql/deadline';
import { andHeldOn } from '../heldOn';
import { toEntityRecord, type EntityRecord } from '../records';

/**
 * What a walk needs from the request: the operation's reader (all its statements share one read transaction,
 * whose timeout is what the deadline had left when it opened) and the operation's one deadline.
 * A RequestContext is one.
 */
export interface WalkContext {
  cypher: CypherReader;
  deadline: Deadline;
}

/**
 * Runs one statement of a walk. The deadline is checked first, so a walk of several statements stops with
 * QUERY_TIMEOUT between two of them once the operation's budget is spent, before sending more work to Neo4j.
 */
export function step(walk: WalkContext, name: string, params: Params): Promise<Row[]> {
  walk.deadline.check();
  return walk.cypher.read(name, params);
}

/**
 * Runs one walking statement of cypher/traversal (a template with the slot `held`) like `step`: as of a day,
 * its relationships are only those that held then (cypher/relationships/held-on on `r`); without one, the slot
 * is empty and the statement is the walk over every relationship.
 */
export function walkStep(walk: WalkContext, name: string, asOf: string | null, params: Params): Promise<Row[]> {
  walk.deadline.check();
  return walk.cypher.readTemplate(name, { held: andHeldOn(walk.cypher.library, 'r', asOf) }, { ...params, asOf });
}

/** The entity a walk starts from; NOT_FOUND naming the argument when no entity has that uid. */
export async function endpoint(walk: WalkContext, uid: string, argument: string): Promise<EntityRecord> {
  const [row] = await step(walk, 'entities/by-uids', { uids: [uid] });
  if (!row) throw notFound(argument, uid);
  return toEntityRecord(row.entity);
}

/** Both ends of a path query, read in one statement. */
export async function endpoints(walk: WalkContext, fromUid: string, toUid: string): Promise<[EntityRecord, EntityRecord]> {
  const rows = await step(walk, 'entities/by-uids', { uids: [fromUid, toUid] });
  const byUid = new Map(rows.map((row) => {
    const record = toEntityRecord(row.entity);
    return [record.uid, record] as const;
  }));
  const from = byUid.get(fromUid);
  if (!from) throw notFound('from', fromUid);
  const to = byUid.get(toUid);
  if (!to) throw notFound('to', toUid);
  return [from, to];
}

export function notFound(argument: string, uid: string): AppError {
  return new AppError(ErrorCode.NotFound, `Argument "${argument}": no entity has the ID ${uid}.`, { argumentName: argument });
}
