import type { RequestContext } from '../context';
import { lookup, search, searchRequest, type LookupArgs, type SearchArgs } from '../../data/search';
import { walkContext } from './traversal';

/** search (full text, paginated) and lookup (exact names). SearchConnection and SearchEdge use default resolvers. */
export const searchResolvers = {
  Query: {
    search: (_parent: unknown, args: SearchArgs, ctx: RequestContext) => search(walkContext(ctx), searchRequest(args)),
    lookup: (_parent: unknown, args: LookupArgs, ctx: RequestContext) => lookup(walkContext(ctx), args),
  },
};
