// An entity with relationship pages read ahead, composed by src/data/prefetch.ts: `labels` the entry of its
// labels ending in a comma (empty when the kind is known: the reader supplies it), `props` its properties (a map projection of those the query's
// resolvers read, or all of them), `fields` the relationship pages (prefetch/relationship-page) and counts
// (prefetch/relationship-count) that the query selects below it, keyed k1, k2 … With nothing read ahead below
// it, an entity is prefetch/leaf-entity.
{ {{labels}}props: {{props}}, prefetched: { {{fields}} }}
