import { prop } from './links';

export const sourceResolvers = {
  Source: {
    title: prop('title'),
    url: prop('url'),
    publisher: prop('publisher'),
    sourceKind: prop('kind'),
    publishedOn: prop('publishedOn'),
    retrievedOn: prop('retrievedOn'),
    note: prop('note'),
    provenance: () => [],
  },
};
