// How many sources of real (non-synthetic) data exist: zero means a database that needs the seed, even when
// it already holds a synthetic benchmark graph.
MATCH (s:Source)
WHERE NOT s:Synthetic
RETURN count(s) AS sources
