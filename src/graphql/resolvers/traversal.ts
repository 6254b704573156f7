import type { QueryResolvers } from '../../generated/graphql';
import { allShortestPaths, connection, neighbourhood, neighbourhoodRequest, pathRequest, shortestPath } from '../../data/traversal';
import { selectsPath } from '../lookahead';

/**
 * neighbourhood, shortestPath, allShortestPaths, connection. Arguments are checked (and their caps enforced)
 * before any Cypher runs; the request context is the walk's context (its reader and its one deadline). The
 * results are shaped like the GraphQL types, so Subgraph, GraphNode, GraphEdge, Path, PathStep, PathRelationship
 * and ConnectionSummary need no resolvers of their own.
 */
export const traversalResolvers: { Query: Pick<QueryResolvers, 'neighbourhood' | 'shortestPath' | 'allShortestPaths' | 'connection'> } = {
  Query: {
    neighbourhood: (_parent, args, ctx, info) =>
      neighbourhood(ctx, neighbourhoodRequest(args), {
        entities: selectsPath(info, ['nodes', 'entity']),
        edgeProperties: selectsPath(info, ['edges', 'qualifiers']) || selectsPath(info, ['edges', 'provenance']),
      }),
    shortestPath: (_parent, args, ctx) => shortestPath(ctx, pathRequest('shortestPath', args)),
    allShortestPaths: (_parent, args, ctx) => allShortestPaths(ctx, pathRequest('allShortestPaths', args)),
    connection: (_parent, args, ctx) => connection(ctx, pathRequest('connection', args)),
  },
};
