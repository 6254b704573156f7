import type { RequestContext } from '../context';
import {
  cooperationNetwork,
  countsBy,
  eventTimeline,
  rankedEntities,
  type AnalyticsContext,
} from '../../data/analytics';

/** `analytics` is a namespace: its fields each run one bounded aggregate (src/data/analytics.ts). */
const analyticsOf = (ctx: RequestContext): AnalyticsContext => ({ cypher: ctx.cypher, queryTimeoutMs: ctx.config.queryTimeoutMs });

export const analyticsResolvers = {
  Query: {
    analytics: () => ({}),
  },
  Analytics: {
    countsBy: (_parent: unknown, args: any, ctx: RequestContext) => countsBy(analyticsOf(ctx), args),
    rankedOrganizations: (_parent: unknown, args: any, ctx: RequestContext) => rankedEntities(analyticsOf(ctx), 'ORGANIZATION', args),
    rankedCountries: (_parent: unknown, args: any, ctx: RequestContext) => rankedEntities(analyticsOf(ctx), 'COUNTRY', args),
    eventTimeline: (_parent: unknown, args: any, ctx: RequestContext) => eventTimeline(analyticsOf(ctx), args),
    cooperationNetwork: (_parent: unknown, args: any, ctx: RequestContext) => cooperationNetwork(analyticsOf(ctx), args),
  },
};
