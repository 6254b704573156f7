import {
  CountryCodeResolver,
  LocalDateResolver,
  NonNegativeIntResolver,
  PositiveIntResolver,
  URLResolver,
} from 'graphql-scalars';
import { entityTypeResolvers, interfaceResolvers, provenanceResolvers } from './entity';
import { rootResolvers } from './root';
import { sourceResolvers } from './source';
import { geographyResolvers } from './geography';
import { organizationResolvers } from './organizations';
import { eventResolvers } from './events';
import { cooperationResolvers } from './cooperation';
import { traversalResolvers } from './traversal';
import { searchResolvers } from './search';
import { analyticsResolvers } from './analytics';

/** All resolvers, merged per type: generic entity fields first, then each area's own. */
export function createResolvers() {
  const perType = mergeResolvers([entityTypeResolvers(), interfaceResolvers, provenanceResolvers, rootResolvers, sourceResolvers, geographyResolvers, organizationResolvers, eventResolvers, cooperationResolvers, traversalResolvers, searchResolvers, analyticsResolvers]);
  return {
    CountryCode: CountryCodeResolver,
    LocalDate: LocalDateResolver,
    URL: URLResolver,
    NonNegativeInt: NonNegativeIntResolver,
    PositiveInt: PositiveIntResolver,
    ...perType,
  };
}

type ResolverMap = Record<string, Record<string, unknown>>;

function mergeResolvers(maps: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) merged[typeName] = { ...merged[typeName], ...fields };
  }
  return merged;
}
