// How many sources of real (non-synthetic) data exist — zero means a database that needs the seed, even when
// it already holds a synthetic benchmark graph — and how many seeded entities lack the derived properties of
// src/graph/storedProperties.ts (a store written by an older version): those are re-seeded (MERGE, idempotent).
// A store holding synthetic nodes is never seeded: synthetic countries carry real ISO codes as keys.
MATCH (s:Source)
WHERE NOT s:Synthetic
WITH count(s) AS sources
RETURN sources,
       COUNT { MATCH (n:Entity) WHERE (n.sortName IS NULL OR n.version IS NULL) AND NOT n:Synthetic } AS outdated,
       COUNT { MATCH (n:Synthetic) } AS synthetic
