// Countries ranked by their number of relationships in both directions (of the types in $types, or all),
// the most connected first, ties by uid. The degree of every country is read first (from the degree store when
// no type and no day is asked); only the top $first get their distinct neighbours and per-type breakdown. Slots
// `held_r` (` WHERE …`) and `and_held_r` (` AND …`): nothing, or the relationship/held-on predicate on r, so that
// as of a day only the relationships that held then count.
MATCH (n:Country)
WITH n, CASE WHEN $types IS NULL THEN COUNT { (n)-[r]-(){{held_r}} } ELSE COUNT { (n)-[r]-() WHERE type(r) IN $types{{and_held_r}} } END AS degree
ORDER BY degree DESC, n.uid
LIMIT toInteger($first)
CALL (n) {
  OPTIONAL MATCH (n)-[r]-(other)
  WHERE ($types IS NULL OR type(r) IN $types){{and_held_r}}
  RETURN count(DISTINCT other) AS neighbours
}
CALL (n) {
  OPTIONAL MATCH (n)-[r]-()
  WHERE ($types IS NULL OR type(r) IN $types){{and_held_r}}
  WITH type(r) AS type, count(r) AS count
  WHERE type IS NOT NULL
  ORDER BY count DESC, type
  RETURN collect({type: type, count: count}) AS breakdown
}
RETURN {labels: labels(n), props: properties(n)} AS entity, degree, neighbours, breakdown
ORDER BY degree DESC, n.uid
