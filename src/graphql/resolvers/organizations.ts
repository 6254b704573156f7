import type { QueryOrganizationsArgs, QueryPeopleArgs, QueryPositionsArgs, Resolvers } from '../../generated/graphql';
import { LISTS } from '../../data/lists';
import { normalizeForLookup } from '../../data/normalize';
import { entityWithReadAhead } from '../../data/prefetch';
import { entityReadAhead } from '../lookahead';
import { BadInputError } from '../../errors';
import { asOfDay, byKey, lookupFilter, organizationRef, rootList, provenanceFilter, upperCase } from './lookup';
import { listProp, prop, reads } from './fields';
import { localizedNameFields, nameZhField } from './names';

export const organizationResolvers: Resolvers = {
  Query: {
    organization: async (_parent, args, ctx, info) => {
      if (Boolean(args.key) === Boolean(args.acronym)) throw new BadInputError('key', 'give exactly one of `key` or `acronym`.');
      const lookup = args.key ? { uid: `Organization:${args.key}` } : { acronym: normalizeForLookup(args.acronym!) };
      const organization = await entityWithReadAhead(ctx.cypher, ctx.loaders, lookup, 'Organization', entityReadAhead(info, 'Organization'));
      return asOfDay(organization, args.asOf);
    },
    organizations: rootList(LISTS.organizations, (args: QueryOrganizationsArgs) => ({
      nameContains: lookupFilter(args.filter?.nameContains),
      ...organizationKindFilter(args.filter?.organizationKinds),
      hasPositionHeldByStaffOf: organizationRef(args.filter?.hasPositionHeldByStaffOf),
      headquarteredIn: upperCase(args.filter?.headquarteredIn),
      ...provenanceFilter(args.filter),
    })),
    position: byKey('Position', 'key'),
    positions: rootList(LISTS.positions, (args: QueryPositionsArgs) => ({
      inOrganization: organizationRef(args.filter?.inOrganization),
      heldByStaffOf: organizationRef(args.filter?.heldByStaffOf),
      ...provenanceFilter(args.filter),
    })),
    person: byKey('Person', 'key'),
    people: rootList(LISTS.people, (args: QueryPeopleArgs) => ({ nameContains: lookupFilter(args.nameContains) })),
  },
  Organization: {
    ...localizedNameFields,
    acronym: prop('acronym'),
    aliases: listProp('aliases'),
    nameZh: nameZhField,
    organizationKind: prop('kind'),
    scope: prop('scope'),
    foundedYear: prop('foundedYear'),
    foundingNote: prop('foundingNote'),
    rorId: prop('rorId'),
    wikidataId: prop('wikidataId'),
    website: prop('website'),
  },
  Position: {
    ...localizedNameFields,
    title: prop('title'),
    titleStated: reads(['title'], (position) => typeof position.props.title === 'string'),
    holderNamed: async (position, _args, ctx) => Boolean((await ctx.cypher.read('positions/holder-named', { uid: position.uid }))[0]?.named),
    description: prop('description'),
  },
  Person: {
    ...localizedNameFields,
    orcid: prop('orcid'),
  },
};

/**
 * REGIONAL_ORGANIZATION also means "an organization whose scope is regional" (CCOP is intergovernmental by
 * kind and regional by scope). Only a request for it takes the wider fragment; every other kind filter stays a
 * seek of the (kind, sortName) index.
 */
function organizationKindFilter(kinds: readonly string[] | null | undefined): Record<string, readonly string[] | undefined> {
  if (!kinds) return {};
  return kinds.includes('REGIONAL_ORGANIZATION') ? { organizationKindsOrRegional: kinds } : { organizationKinds: kinds };
}
