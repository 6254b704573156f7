import type { RequestContext } from '../context';
import type { QueryOrganizationsArgs, QueryPositionsArgs } from '../../generated/graphql';
import { paginate } from '../../data/pagination';
import { toEntityRecord } from '../../data/records';
import { BadInputError } from '../../errors';
import { byKey, listOfKind, lookupFilter, organizationRef, pageOf } from './lookup';
import { listProp, prop, relatedEntities, relatedEntity, relatedLinks } from './links';

export const organizationResolvers = {
  Query: {
    organization: async (_parent: unknown, args: { key?: string | null; acronym?: string | null }, ctx: RequestContext) => {
      if (Boolean(args.key) === Boolean(args.acronym)) {
        throw new BadInputError('key', 'give exactly one of `key` or `acronym`.');
      }
      if (args.key) return ctx.loaders.entityByUid.load(`Organization:${args.key}`);
      const [row] = await ctx.cypher.read('organizations/by-acronym', { acronym: args.acronym!.trim().toLowerCase() });
      return row ? toEntityRecord(row.entity) : null;
    },
    organizations: (_parent: unknown, args: QueryOrganizationsArgs, ctx: RequestContext) =>
      paginate(
        ctx.cypher,
        'organizations',
        {
          nameContains: lookupFilter(args.filter?.nameContains),
          kinds: args.filter?.kinds ?? null,
          staffOf: organizationRef(args.filter?.hasPositionHeldByStaffOf),
          headquarteredIn: args.filter?.headquarteredIn?.toUpperCase() ?? null,
        },
        pageOf(args),
      ),
    position: byKey('Position', 'key'),
    positions: (_parent: unknown, args: QueryPositionsArgs, ctx: RequestContext) =>
      paginate(
        ctx.cypher,
        'positions',
        {
          inOrganization: organizationRef(args.filter?.inOrganization),
          heldByStaffOf: organizationRef(args.filter?.heldByStaffOf),
        },
        pageOf(args),
      ),
    person: byKey('Person', 'key'),
    people: listOfKind('Person'),
  },
  Organization: {
    name: prop('name'),
    acronym: prop('acronym'),
    aliases: listProp('aliases'),
    nameZh: prop('nameZh'),
    organizationKind: prop('kind'),
    foundedYear: prop('foundedYear'),
    foundingNote: prop('foundingNote'),
    rorId: prop('rorId'),
    wikidataId: prop('wikidataId'),
    website: prop('website'),
    parentOrganizations: relatedLinks(['PART_OF'], 'OUTGOING'),
    childOrganizations: relatedLinks(['PART_OF'], 'INCOMING'),
    headquarters: relatedLinks(['HEADQUARTERED_IN'], 'OUTGOING', 'Country'),
    memberCountries: relatedLinks(['MEMBER_OF'], 'INCOMING'),
    positions: relatedEntities(['POSITION_IN'], 'INCOMING'),
    positionsHeldByStaff: relatedEntities(['HELD_BY_STAFF_OF'], 'INCOMING'),
    eventsOrganized: relatedLinks(['ORGANIZED'], 'OUTGOING'),
    eventSeries: relatedEntities(['IN_SERIES_OF'], 'INCOMING'),
    projects: relatedLinks(['PARTICIPATES_IN'], 'OUTGOING'),
    trainingPrograms: relatedEntities(['PROVIDES'], 'OUTGOING'),
    claims: relatedEntities(['ABOUT'], 'INCOMING'),
  },
  Position: {
    name: (position: { props: Record<string, unknown>; key: string }) => position.props.name ?? position.props.title ?? position.key,
    title: prop('title'),
    description: prop('description'),
    organization: relatedEntity(['POSITION_IN'], 'OUTGOING'),
    heldByStaffOf: relatedEntity(['HELD_BY_STAFF_OF'], 'OUTGOING'),
    holders: relatedLinks(['HOLDS'], 'INCOMING'),
  },
  Person: {
    name: prop('name'),
    orcid: prop('orcid'),
    positions: relatedLinks(['HOLDS'], 'OUTGOING'),
  },
};
