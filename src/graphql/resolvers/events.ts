import type { QueryEventsArgs, Resolvers } from '../../generated/graphql';
import { LISTS } from '../../data/lists';
import { byKey, lookupFilter, organizationRef, rootList, provenanceFilter, upperCase } from './lookup';
import { listProp, prop } from './fields';
import { localizedNameFields } from './names';

export const eventResolvers: Resolvers = {
  Query: {
    event: byKey('Event', 'key'),
    events: rootList(LISTS.events, (args: QueryEventsArgs) => ({
      nameContains: lookupFilter(args.filter?.nameContains),
      year: args.filter?.year,
      yearFrom: args.filter?.yearFrom,
      yearTo: args.filter?.yearTo,
      eventKinds: args.filter?.eventKinds,
      organizedBy: organizationRef(args.filter?.organizedBy),
      ...provenanceFilter(args.filter),
      hostCountry: upperCase(args.filter?.hostCountry),
    })),
  },
  Event: {
    ...localizedNameFields,
    officialName: prop('officialName'),
    aliases: listProp('aliases'),
    eventKind: prop('kind'),
    year: prop('year'),
    edition: prop('edition'),
    series: prop('series'),
    city: prop('city'),
    startDate: prop('startDate'),
    endDate: prop('endDate'),
  },
};
