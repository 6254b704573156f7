import type { NodeLabel, RelationshipType } from '../../graph/vocabulary';
import { LIMITS } from '../../limits';
import { boundedInt, kindsArg, relationshipTypesArg } from '../arguments';
import { fromGlobalId } from '../globalId';
import { toEntityRecord, type EntityRecord } from '../records';
import { toGraphEdge, toGraphNode, type GraphEdgeResult, type GraphNodeResult } from './shape';
import { endpoint, step, type WalkContext } from './walk';

/**
 * The neighbourhood of an entity, for drawing. Bounded on the server whatever the client asks: depth and
 * node caps from the arguments, and from the registry a cap on the relationships one breadth-first step may
 * scan (so a hub is never read whole) and on the edges returned.
 */

export interface NeighbourhoodArgs {
  id: string;
  depth?: number | null;
  relationshipTypes?: readonly string[] | null;
  kinds?: readonly string[] | null;
  limit?: number | null;
}

export interface NeighbourhoodRequest {
  uid: string;
  depth: number;
  types: RelationshipType[] | null;
  labels: NodeLabel[] | null;
  limit: number;
}

export interface SubgraphResult {
  center: EntityRecord;
  nodes: GraphNodeResult[];
  edges: GraphEdgeResult[];
  truncated: boolean;
}

export function neighbourhoodRequest(args: NeighbourhoodArgs): NeighbourhoodRequest {
  return {
    uid: fromGlobalId(args.id, 'id').uid,
    depth: boundedInt('depth', args.depth, LIMITS.traversal.depth),
    types: relationshipTypesArg('relationshipTypes', args.relationshipTypes),
    labels: kindsArg('kinds', args.kinds),
    limit: boundedInt('limit', args.limit, LIMITS.traversal.neighbourhoodNodes),
  };
}

/**
 * Breadth-first, one statement per distance: each step expands the frontier into entities not yet taken
 * (nearest first, kind-then-key order within a distance), scans at most `traversal.stepScan` relationships
 * and takes at most what the node cap leaves (plus one, to know whether the cap cut anything). Then one
 * statement reads the edges among the taken nodes. Entities are identified by their indexed `uid` throughout.
 */
export async function neighbourhood(walk: WalkContext, request: NeighbourhoodRequest): Promise<SubgraphResult> {
  const { stepScan, subgraphEdges } = LIMITS.traversal;
  const center = await endpoint(walk, request.uid, 'id');
  const taken: EntityRecord[] = [center];
  let frontier = [center.uid];
  let truncated = false;

  for (let distance = 1; distance <= request.depth && frontier.length > 0; distance += 1) {
    const room = request.limit - taken.length;
    const rows = await step(walk, 'traversal/expand', {
      frontier,
      seen: taken.map((entity) => entity.uid),
      types: request.types,
      labels: request.labels,
      scanLimit: stepScan,
      take: room + 1,
    });
    if (rows.some((row) => Number(row.scanned) >= stepScan)) truncated = true;
    if (rows.length > room) truncated = true;
    const reached = rows.slice(0, room).map((row) => toEntityRecord(row.entity));
    taken.push(...reached);
    frontier = reached.map((entity) => entity.uid);
    if (taken.length >= request.limit) break;
  }

  const edgeRows = await step(walk, 'traversal/edges', {
    uids: taken.map((entity) => entity.uid),
    types: request.types,
    limit: subgraphEdges + 1,
    scanPerNode: stepScan,
  });
  if (edgeRows.length > subgraphEdges || edgeRows.some((row) => row.capped === true)) truncated = true;

  return {
    center,
    nodes: taken.map(toGraphNode),
    edges: edgeRows.slice(0, subgraphEdges).map(toGraphEdge),
    truncated,
  };
}
