import type { Params } from '../../db/cypherRunner';
import type { RelationshipType } from '../../graph/vocabulary';
import { LIMITS, type Bounds } from '../../limits';
import { boundedInt, relationshipTypesArg } from '../arguments';
import { fromGlobalId } from '../globalId';
import { byLengthThenText, emptyPath, pathFromRow, type PathResult } from './shape';
import { toEntityRecord } from '../records';
import { endpoints, notFound, walkStep, type WalkContext } from './walk';

/**
 * Shortest paths between two entities, undirected, with Neo4j's shortestPath / allShortestPaths. The
 * pattern bound in cypher/traversal/*-path*.cypher is the largest `maxLength` the registry accepts; the asked
 * `maxLength` is applied after the search.
 */

export interface PathArgs {
  from: string;
  to: string;
  maxLength?: number | null;
  relationshipTypes?: readonly string[] | null;
  limit?: number | null;
  /** Walk only relationships that held on this day (YYYY-MM-DD). */
  asOf?: string | null;
}

export interface PathRequest {
  fromUid: string;
  toUid: string;
  maxLength: number;
  types: RelationshipType[] | null;
  limit: number;
  asOf: string | null;
}

export type PathQuery = 'shortestPath' | 'allShortestPaths' | 'connection';

/** The registry's bounds of each path query; shortestPath returns one path and has no `limit`. */
const PATH_BOUNDS: Record<PathQuery, { maxLength: Bounds; limit: Bounds | null }> = {
  shortestPath: { maxLength: LIMITS.traversal.pathLength, limit: null },
  allShortestPaths: { maxLength: LIMITS.traversal.pathLength, limit: LIMITS.traversal.allShortestPaths },
  connection: { maxLength: LIMITS.traversal.connectionLength, limit: LIMITS.traversal.connectionPaths },
};

export function pathRequest(query: PathQuery, args: PathArgs): PathRequest {
  const bounds = PATH_BOUNDS[query];
  return {
    fromUid: fromGlobalId(args.from, 'from').uid,
    toUid: fromGlobalId(args.to, 'to').uid,
    maxLength: boundedInt('maxLength', args.maxLength, bounds.maxLength),
    types: relationshipTypesArg('relationshipTypes', args.relationshipTypes),
    limit: bounds.limit ? boundedInt('limit', args.limit, bounds.limit) : 1,
    asOf: args.asOf ?? null,
  };
}

/** One shortest path, or null when none of at most `maxLength` relationships exists. */
export async function shortestPath(walk: WalkContext, request: PathRequest): Promise<PathResult | null> {
  // One statement: the ends are read with the path (null when missing), not before it.
  const [row] = await walkStep(walk, 'traversal/shortest-path', request.asOf, pathParams(request));
  if (!row.from) throw notFound('from', request.fromUid);
  if (!row.to) throw notFound('to', request.toUid);
  if (request.fromUid === request.toUid) return emptyPath(toEntityRecord(row.from));
  return row.nodes ? pathFromRow(row) : null;
}

/** All shortest paths (at most `limit`), empty when none of at most `maxLength` relationships exists. */
export async function allShortestPaths(walk: WalkContext, request: PathRequest): Promise<PathResult[]> {
  const [from, to] = await endpoints(walk, request.fromUid, request.toUid);
  if (from.uid === to.uid) return [emptyPath(from)];
  const rows = await walkStep(walk, 'traversal/all-shortest-paths', request.asOf, { ...pathParams(request), limit: request.limit });
  return rows.map(pathFromRow).sort(byLengthThenText);
}

/** The parameters of cypher/traversal/*-path*.cypher (without `limit`; `asOf` goes with the `held` slot). */
export function pathParams(request: PathRequest): Params {
  return { from: request.fromUid, to: request.toUid, maxLength: request.maxLength, types: request.types };
}
