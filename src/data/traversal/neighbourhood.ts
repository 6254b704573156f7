import type { NodeLabel, RelationshipType } from '../../graph/vocabulary';
import { LIMITS } from '../../limits';
import { boundedInt, kindsArg, relationshipTypesArg } from '../arguments';
import { fromGlobalId } from '../globalId';
import { toEntityRecord, type EntityRecord } from '../records';
import { toGraphEdge, toGraphNode, type GraphEdgeResult, type GraphNodeResult } from './shape';
import { notFound, walkStep, type WalkContext } from './walk';

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
  /** Walk only relationships that held on this day (YYYY-MM-DD). */
  asOf?: string | null;
}

export interface NeighbourhoodRequest {
  uid: string;
  depth: number;
  types: RelationshipType[] | null;
  labels: NodeLabel[] | null;
  limit: number;
  asOf: string | null;
}

/**
 * What the query reads of the subgraph, so the statements leave the rest out: the reached entities whole
 * (`nodes { entity }`) or only their labels, and the edges' properties (`qualifiers`, `provenance`).
 */
export interface SubgraphSelection {
  entities: boolean;
  edgeProperties: boolean;
}

const EVERYTHING: SubgraphSelection = { entities: true, edgeProperties: true };

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
    asOf: args.asOf ?? null,
  };
}

/**
 * Breadth-first, one statement per distance: each step expands the frontier into entities not yet taken
 * (nearest first, kind-then-key order within a distance), scans at most `traversal.stepScan` relationships
 * and takes at most what the node cap leaves (plus one, to know whether the cap cut anything); the first step
 * is read with the centre itself. Then one statement reads the edges among the taken nodes: depth + 1
 * statements in all. Entities are identified by their indexed `uid` throughout.
 */
export async function neighbourhood(walk: WalkContext, request: NeighbourhoodRequest, selection: SubgraphSelection = EVERYTHING): Promise<SubgraphResult> {
  const { stepScan, subgraphEdges } = LIMITS.traversal;
  const taken: EntityRecord[] = [];
  let frontier: string[] = [];
  let truncated = false;
  const takeStep = (reached: EntityRecord[], scanned: number[]) => {
    const room = request.limit - taken.length;
    if (scanned.some((count) => count >= stepScan) || reached.length > room) truncated = true;
    const kept = reached.slice(0, room);
    taken.push(...kept);
    frontier = kept.map((entity) => entity.uid);
  };

  // The depth is at least 1 (traversal.depth in the registry), so the first step is always read.
  const [first] = await walkStep(walk, 'traversal/centre-and-first-step', request.asOf, {
    uid: request.uid,
    types: request.types,
    labels: request.labels,
    scanLimit: stepScan,
    take: request.limit,
    allProperties: selection.entities,
  });
  if (!first) throw notFound('id', request.uid);
  const center = toEntityRecord(first.centre);
  taken.push(center);
  takeStep((first.entities as unknown[]).map(toEntityRecord), [Number(first.scanned)]);

  for (let distance = 2; distance <= request.depth && frontier.length > 0 && taken.length < request.limit; distance += 1) {
    const rows = await walkStep(walk, 'traversal/expand-frontier', request.asOf, {
      frontier,
      seen: taken.map((entity) => entity.uid),
      types: request.types,
      labels: request.labels,
      scanLimit: stepScan,
      take: request.limit - taken.length + 1,
      allProperties: selection.entities,
    });
    takeStep(
      rows.map((row) => toEntityRecord(row.entity)),
      rows.map((row) => Number(row.scanned)),
    );
  }

  const edgeRows = await walkStep(walk, 'traversal/edges', request.asOf, {
    uids: taken.map((entity) => entity.uid),
    types: request.types,
    limit: subgraphEdges + 1,
    scanPerNode: stepScan,
    withProperties: selection.edgeProperties,
  });
  if (edgeRows.length > subgraphEdges || edgeRows.some((row) => row.capped === true)) truncated = true;

  return {
    center,
    nodes: taken.map(toGraphNode),
    edges: edgeRows.slice(0, subgraphEdges).map(toGraphEdge),
    truncated,
  };
}
