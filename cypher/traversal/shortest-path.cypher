// One shortest undirected path between two entities. The pattern's upper bound, 8, is the largest maxLength
// of src/limits.ts (traversal.pathLength.max, traversal.connectionLength.max; a variable-length bound cannot be
// a parameter; tests/unit/traversalBounds.test.ts checks the two agree). $maxLength is applied after the search in
// its own WITH: a predicate on the whole path inside shortestPath's WHERE could make Neo4j fall back to an
// exhaustive search. The relationship-type predicate, and with slot `held` (nothing, or ` AND ` the
// relationship/held-on predicate on r) the day the walk is read as of, are checked during the search.
// Relationships come back with their stored, stable `id` and their start node's uid (for the direction).
// The two ends come back too, null when no entity has that uid, so a shortest path is one statement; `nodes`
// and `rels` are null when no path is short enough (or the ends are one entity: a path of length 0).
OPTIONAL MATCH (a:Entity {uid: $from})
OPTIONAL MATCH (b:Entity {uid: $to})
OPTIONAL CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = shortestPath((a)-[*..8]-(b))
  WHERE all(r IN relationships(p) WHERE ($types IS NULL OR type(r) IN $types){{held}})
  WITH p
  WHERE length(p) <= toInteger($maxLength)
  RETURN [n IN nodes(p) | {labels: labels(n), props: properties(n)}] AS nodes,
         [r IN relationships(p) | {id: r.id, type: type(r), start: startNode(r).uid, props: properties(r)}] AS rels
}
RETURN CASE WHEN a IS NOT NULL THEN {labels: labels(a), props: properties(a)} END AS from,
       CASE WHEN b IS NOT NULL THEN {labels: labels(b), props: properties(b)} END AS to,
       nodes, rels
