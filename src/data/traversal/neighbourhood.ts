import neo4j from 'neo4j-driver';
import type { Row } from '../../db/cypherRunner';
import { labelExpression, type NodeLabel, type RelationshipType } from '../../graph/vocabulary';
import { relationshipBracket } from '../relationshipPages';
import { LIMITS } from '../../limits';
import { boundedInt, kindsArg, relationshipTypesArg } from '../arguments';
import { fromGlobalId } from '../globalId';
import { toEntityRecord, type EntityRecord } from '../records';
import { toGraphEdge, toGraphNode, type GraphEdgeResult, type GraphNodeResult } from './shape';
import { notFound, type WalkContext } from './walk';

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

/** The bounds of one walk: from the registry (LIMITS.traversal); tests give smaller ones to reach them on a small graph. */
export interface WalkBounds {
  /** Relationships one breadth-first step, and the edge read of one entity, may look at. */
  stepScan: number;
  /** Edges returned among the nodes. */
  subgraphEdges: number;
}

/**
 * Breadth-first in one statement (cypher/traversal/neighbourhood, with one traversal/neighbourhood-step per
 * distance after the first): each step expands the frontier into entities not yet taken (nearest first,
 * kind-then-key order within a distance), scans at most `stepScan` relationships and takes at most what the
 * node cap leaves (plus one, to know whether the cap cut anything); then the edges among the taken nodes.
 * Entities are followed as nodes throughout, never looked up again by uid.
 */
export async function neighbourhood(
  walk: WalkContext,
  request: NeighbourhoodRequest,
  selection: SubgraphSelection = EVERYTHING,
  bounds: WalkBounds = LIMITS.traversal,
): Promise<SubgraphResult> {
  const { library } = walk.cypher;
  // No types or no kinds asked (`[]`): nothing to walk, the centre alone.
  const rel = relationshipBracket(library, 'r', request.types, request.asOf);
  const labels = request.labels === null ? '' : request.labels.length === 0 ? ' AND false' : ` AND (n:${labelExpression(request.labels)})`;
  const step = library.compose('traversal/neighbourhood-step', { rel, labels });
  walk.deadline.check();
  const [row] = await walk.cypher.readTemplate(
    'traversal/neighbourhood',
    { rel, labels, steps: Array.from({ length: request.depth - 1 }, () => step).join('\n') },
    {
      uid: request.uid,
      limit: neo4j.int(request.limit),
      scanLimit: neo4j.int(bounds.stepScan),
      maxEdges: neo4j.int(bounds.subgraphEdges),
      allProperties: selection.entities,
      withProperties: selection.edgeProperties,
      asOf: request.asOf,
    },
  );
  if (!row) throw notFound('id', request.uid);
  const center = toEntityRecord(row.centre);
  const taken = [center, ...(row.entities as unknown[]).map(toEntityRecord)];
  const edgeRows = row.edges as Row[];
  const truncated = row.truncated === true || edgeRows.length > bounds.subgraphEdges || edgeRows.some((edge) => edge.capped === true);
  return {
    center,
    nodes: taken.map(toGraphNode),
    edges: edgeRows.slice(0, bounds.subgraphEdges).map(toGraphEdge),
    truncated,
  };
}
