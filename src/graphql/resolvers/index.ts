import { CountryCodeResolver, DateTimeResolver, JSONResolver, LocalDateResolver, NonNegativeIntResolver, PositiveIntResolver, URLResolver } from 'graphql-scalars';
import type { AuthServices } from '../../auth';
import type { Resolvers } from '../../generated/graphql';
import { authResolvers } from './auth';
import { analyticsResolvers } from './analytics';
import { cooperationResolvers } from './cooperation';
import { eventResolvers } from './events';
import { geographyResolvers } from './geography';
import { historyResolvers } from './history';
import { mutationResolvers } from './mutations';
import { organizationResolvers } from './organizations';
import { genericResolvers } from './relationships';
import { rootResolvers } from './root';
import { searchResolvers } from './search';
import { sourceResolvers } from './sources';
import { traversalResolvers } from './traversal';

/** All resolvers, merged per type: the table-driven generic ones first, then each area's own. */
export interface ResolverServices {
  auth: AuthServices;
}

export function createResolvers(services: ResolverServices): Resolvers {
  const perType = mergeResolvers([
    genericResolvers(),
    rootResolvers,
    sourceResolvers,
    geographyResolvers,
    organizationResolvers,
    eventResolvers,
    cooperationResolvers,
    traversalResolvers as Resolvers,
    searchResolvers as Resolvers,
    analyticsResolvers as Resolvers,
    historyResolvers,
    mutationResolvers,
    authResolvers(services.auth),
  ]);
  return {
    CountryCode: CountryCodeResolver,
    LocalDate: LocalDateResolver,
    URL: URLResolver,
    NonNegativeInt: NonNegativeIntResolver,
    PositiveInt: PositiveIntResolver,
    DateTime: DateTimeResolver,
    JSON: JSONResolver,
    ...perType,
  };
}

function mergeResolvers(maps: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) merged[typeName] = { ...merged[typeName], ...(fields as Record<string, unknown>) };
  }
  return merged as Resolvers;
}
