import type { RequestContext } from '../context';
import type { QueryEventsArgs } from '../../generated/graphql';
import { paginate } from '../../data/pagination';
import { byKey, lookupFilter, organizationRef, pageOf } from './lookup';
import { listProp, prop, relatedEntity, relatedLink, relatedLinks } from './links';

export const eventResolvers = {
  Query: {
    event: byKey('Event', 'key'),
    events: (_parent: unknown, args: QueryEventsArgs, ctx: RequestContext) =>
      paginate(
        ctx.cypher,
        'events',
        {
          nameContains: lookupFilter(args.filter?.nameContains),
          year: args.filter?.year ?? null,
          yearFrom: args.filter?.yearFrom ?? null,
          yearTo: args.filter?.yearTo ?? null,
          kinds: args.filter?.kinds ?? null,
          organizedBy: organizationRef(args.filter?.organizedBy),
          hostCountry: args.filter?.hostCountry?.toUpperCase() ?? null,
        },
        { ...pageOf(args), orderField: args.orderBy?.field ?? 'YEAR' },
      ),
  },
  Event: {
    name: prop('name'),
    officialName: prop('officialName'),
    aliases: listProp('aliases'),
    eventKind: prop('kind'),
    year: prop('year'),
    edition: prop('edition'),
    series: prop('series'),
    city: prop('city'),
    startDate: prop('startDate'),
    endDate: prop('endDate'),
    organizers: relatedLinks(['ORGANIZED'], 'INCOMING'),
    seriesOrganization: relatedEntity(['IN_SERIES_OF'], 'OUTGOING'),
    hostCountry: relatedEntity(['HELD_IN'], 'OUTGOING'),
    venue: relatedLink(['HELD_IN'], 'OUTGOING', 'Country'),
  },
};
