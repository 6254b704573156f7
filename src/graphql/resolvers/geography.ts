import type { QueryCountriesArgs, QueryRegionsArgs, Resolvers } from '../../generated/graphql';
import { LISTS } from '../../data/lists';
import { byKey, lookupFilter, organizationRef, provenanceFilter, rootList } from './lookup';
import { listProp, prop, reads } from './fields';
import { localizedNameFields } from './names';
import { toEntityRecord } from '../../data/records';
import { LIMITS } from '../../limits';

export const geographyResolvers: Resolvers = {
  Query: {
    country: byKey('Country', 'code', (code) => code.toUpperCase()),
    countries: rootList(LISTS.countries, (args: QueryCountriesArgs) => ({
      nameContains: lookupFilter(args.filter?.nameContains),
      codes: args.filter?.codes?.map((code) => code.toUpperCase()),
      inRegion: args.filter?.inRegion,
      memberOf: organizationRef(args.filter?.memberOf),
      ...provenanceFilter(args.filter),
    })),
    region: byKey('Region', 'code'),
    regions: rootList(LISTS.regions, (args: QueryRegionsArgs) => ({
      nameContains: lookupFilter(args.filter?.nameContains),
      within: args.filter?.within,
      level: args.filter?.level,
      ...provenanceFilter(args.filter),
    })),
  },
  Country: {
    code: reads([], (country) => country.key),
    alpha3: prop('alpha3'),
    numericCode: prop('numeric'),
    ...localizedNameFields,
  },
  Region: {
    code: reads([], (region) => region.key),
    ...localizedNameFields,
    level: prop('level'),
    aliases: listProp('aliases'),
    sourceLabels: listProp('sourceLabels'),
    themes: async (region, _args, ctx) => {
      const rows = await ctx.cypher.read('regions/themes', { uid: region.uid, limit: LIMITS.relationshipPage.max });
      return rows.map((row) => toEntityRecord(row.theme));
    },
  },
};
