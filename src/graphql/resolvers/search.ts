import type { QueryResolvers } from '../../generated/graphql';
import { lookup, search, searchRequest } from '../../data/search';

/** search (full text, paginated) and lookup (exact names). SearchConnection and SearchEdge use default resolvers. */
export const searchResolvers: { Query: Pick<QueryResolvers, 'search' | 'lookup'> } = {
  Query: {
    search: (_parent, args, ctx) => search(ctx, searchRequest(args)),
    lookup: (_parent, args, ctx) => lookup(ctx, args),
  },
};
