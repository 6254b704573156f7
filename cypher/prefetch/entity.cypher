// An entity with relationship pages read ahead, composed by src/data/prefetch.ts: `labels` its labels (a
// literal list when the kind is known), `props` its properties (a map projection of those the query's
// resolvers read, or all of them), `fields` the relationship pages (prefetch/relationship-page) and counts
// (prefetch/relationship-count) that the query selects below it, keyed k1, k2 … Empty when nothing is read ahead.
{labels: {{labels}}, props: {{props}}, prefetched: { {{fields}} }}
