import type { AnalyticsResolvers, QueryResolvers } from '../../generated/graphql';
import { cooperationNetwork, countsBy, eventTimeline, rankedEntities } from '../../data/analytics';
import { selectsPath } from '../lookahead';

/**
 * `analytics` is a namespace: its fields each run one bounded aggregate (src/data/analytics.ts) in the
 * operation's transaction, on the request's one deadline. The result types use default resolvers.
 */
export const analyticsResolvers: { Query: Pick<QueryResolvers, 'analytics'>; Analytics: AnalyticsResolvers } = {
  Query: {
    analytics: () => ({}),
  },
  Analytics: {
    countsBy: (_parent, args, ctx, info) => countsBy(ctx, args, { withEntities: selectsPath(info, ['groups', 'entity']) }),
    rankedOrganizations: (_parent, args, ctx) => rankedEntities(ctx, 'ORGANIZATION', args),
    rankedCountries: (_parent, args, ctx) => rankedEntities(ctx, 'COUNTRY', args),
    eventTimeline: (_parent, args, ctx) => eventTimeline(ctx, args),
    cooperationNetwork: (_parent, args, ctx) => cooperationNetwork(ctx, args),
  },
};
