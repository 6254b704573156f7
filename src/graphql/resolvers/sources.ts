import type { Resolvers } from '../../generated/graphql';
import { prop, reads } from './fields';

export const sourceResolvers: Resolvers = {
  Source: {
    title: prop('title'),
    url: prop('url'),
    publisher: prop('publisher'),
    sourceKind: prop('kind'),
    publishedOn: prop('publishedOn'),
    retrievedOn: prop('retrievedOn'),
    note: prop('note'),
    provenance: reads([], () => []),
  },
  Provenance: {
    source: async (entry, _args, ctx) => {
      if (!entry.source) return null;
      const source = await ctx.loaders.entityByUid.load(`Source:${entry.source}`);
      if (!source) throw new Error(`Provenance names unknown source ${entry.source}.`);
      return source;
    },
    enteredBy: (entry) => entry.enteredBy ?? null,
    enteredOn: (entry) => entry.enteredOn ?? null,
  },
};
