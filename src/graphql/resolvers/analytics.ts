import type { RequestContext } from '../context';
import type {
  AnalyticsCooperationNetworkArgs,
  AnalyticsCountsByArgs,
  AnalyticsEventTimelineArgs,
  AnalyticsRankedCountriesArgs,
  AnalyticsRankedOrganizationsArgs,
} from '../../generated/graphql';
import {
  cooperationNetwork,
  countsBy,
  eventTimeline,
  rankedEntities,
  type AnalyticsContext,
} from '../../data/analytics';

/** `analytics` is a namespace: its fields each run one bounded aggregate (src/data/analytics.ts). */
const analyticsOf = (ctx: RequestContext): AnalyticsContext => ({ cypher: ctx.cypher, queryTimeoutMs: ctx.deadline.budgetMs });

export const analyticsResolvers = {
  Query: {
    analytics: () => ({}),
  },
  Analytics: {
    countsBy: (_parent: unknown, args: AnalyticsCountsByArgs, ctx: RequestContext) => countsBy(analyticsOf(ctx), args),
    rankedOrganizations: (_parent: unknown, args: AnalyticsRankedOrganizationsArgs, ctx: RequestContext) => rankedEntities(analyticsOf(ctx), 'ORGANIZATION', args),
    rankedCountries: (_parent: unknown, args: AnalyticsRankedCountriesArgs, ctx: RequestContext) => rankedEntities(analyticsOf(ctx), 'COUNTRY', args),
    eventTimeline: (_parent: unknown, args: AnalyticsEventTimelineArgs, ctx: RequestContext) => eventTimeline(analyticsOf(ctx), args),
    cooperationNetwork: (_parent: unknown, args: AnalyticsCooperationNetworkArgs, ctx: RequestContext) => cooperationNetwork(analyticsOf(ctx), args),
  },
};
