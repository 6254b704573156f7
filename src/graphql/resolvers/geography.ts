import type { RequestContext } from '../context';
import type { QueryCountriesArgs, QueryRegionsArgs } from '../../generated/graphql';
import { paginate } from '../../data/pagination';
import { byKey, lookupFilter, organizationRef, pageOf } from './lookup';
import { prop, relatedEntities, relatedEntity, relatedLinks } from './links';
import type { EntityRecord } from '../../data/records';

export const geographyResolvers = {
  Query: {
    country: byKey('Country', 'code', (code) => code.toUpperCase()),
    countries: (_parent: unknown, args: QueryCountriesArgs, ctx: RequestContext) =>
      paginate(
        ctx.cypher,
        'countries',
        {
          nameContains: lookupFilter(args.filter?.nameContains),
          codes: args.filter?.codes?.map((code: string) => code.toUpperCase()) ?? null,
          inRegion: args.filter?.inRegion ?? null,
          memberOf: organizationRef(args.filter?.memberOf),
        },
        pageOf(args),
      ),
    region: byKey('Region', 'code'),
    regions: (_parent: unknown, args: QueryRegionsArgs, ctx: RequestContext) =>
      paginate(
        ctx.cypher,
        'regions',
        {
          nameContains: lookupFilter(args.filter?.nameContains),
          within: args.filter?.within ?? null,
          level: args.filter?.level ?? null,
        },
        pageOf(args),
      ),
  },
  Country: {
    code: (country: EntityRecord) => country.key,
    alpha3: prop('alpha3'),
    numericCode: prop('numeric'),
    name: prop('name'),
    regions: relatedEntities(['IN_REGION'], 'OUTGOING'),
    memberships: relatedLinks(['MEMBER_OF'], 'OUTGOING'),
    headquarteredOrganizations: relatedLinks(['HEADQUARTERED_IN'], 'INCOMING', 'Country'),
    eventsHosted: relatedEntities(['HELD_IN'], 'INCOMING'),
  },
  Region: {
    code: (region: EntityRecord) => region.key,
    name: prop('name'),
    level: prop('level'),
    parent: relatedEntity(['PART_OF_REGION'], 'OUTGOING'),
    children: relatedEntities(['PART_OF_REGION'], 'INCOMING'),
    countries: relatedEntities(['IN_REGION'], 'INCOMING'),
    targetedBy: relatedLinks(['TARGETS'], 'INCOMING', 'Region'),
    trainingPrograms: relatedLinks(['TRAINEES_FROM'], 'INCOMING', 'Region'),
    claims: relatedLinks(['SCOPED_TO'], 'INCOMING', 'Region'),
  },
};
