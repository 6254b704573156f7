/**
 * Graph walks: neighbourhoods for drawing (neighbourhood.ts), shortest paths (paths.ts) and "how are X and Y
 * connected" (connectionSummary.ts), with their results shaped in shape.ts. Every walk is bounded on the
 * server by the caps of src/limits.ts, and all its statements draw on the operation's one deadline (walk.ts).
 */
export { neighbourhood, neighbourhoodRequest, type NeighbourhoodArgs, type NeighbourhoodRequest, type SubgraphResult, type WalkBounds } from './neighbourhood';
export { allShortestPaths, pathRequest, shortestPath, type PathArgs, type PathQuery, type PathRequest } from './paths';
export { connection, summarySentence, type ConnectionSummaryResult } from './connectionSummary';
export { pathText, shortName, toPath, type GraphEdgeResult, type GraphNodeResult, type PathRelationshipResult, type PathResult, type PathStepResult } from './shape';
export type { WalkContext } from './walk';
