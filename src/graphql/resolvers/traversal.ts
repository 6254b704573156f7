import type { RequestContext } from '../context';
import {
  allShortestPaths,
  connection,
  neighbourhood,
  neighbourhoodRequest,
  pathRequest,
  shortestPath,
  type NeighbourhoodArgs,
  type PathArgs,
  type WalkContext,
} from '../../data/traversal';

/** The walk context of a request: its Cypher runner and the configured per-operation time budget. */
export function walkContext(ctx: RequestContext): WalkContext {
  return { cypher: ctx.cypher, timeoutMs: ctx.deadline.budgetMs };
}

/**
 * neighbourhood, shortestPath, allShortestPaths, connection. Arguments are validated (and their limits
 * enforced) before any Cypher runs; the result objects are shaped like the GraphQL types, so Subgraph,
 * GraphNode, GraphEdge, Path, PathStep, PathRelationship and Connection need no resolvers of their own.
 */
export const traversalResolvers = {
  Query: {
    neighbourhood: (_parent: unknown, args: NeighbourhoodArgs, ctx: RequestContext) =>
      neighbourhood(walkContext(ctx), neighbourhoodRequest(args)),
    shortestPath: (_parent: unknown, args: PathArgs, ctx: RequestContext) =>
      shortestPath(walkContext(ctx), pathRequest('shortestPath', args)),
    allShortestPaths: (_parent: unknown, args: PathArgs, ctx: RequestContext) =>
      allShortestPaths(walkContext(ctx), pathRequest('allShortestPaths', args)),
    connection: (_parent: unknown, args: PathArgs, ctx: RequestContext) =>
      connection(walkContext(ctx), pathRequest('connection', args)),
  },
};
