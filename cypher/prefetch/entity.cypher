// An entity with relationship pages read ahead, composed by src/data/prefetch.ts: `node` is the entity's
// variable, `fields` the relationship pages (prefetch/relationship-page) and counts (prefetch/relationship-count)
// that the query selects below it, keyed k1, k2 … Empty when nothing is read ahead.
{labels: labels({{node}}), props: properties({{node}}), prefetched: { {{fields}} }}
