// One breadth-first step of the export's subgraph scope (src/export/scope.ts; slot empty): the
// entities one relationship away from the frontier (uids in $frontier) that are not already in the subgraph (uids in $seen), in both directions. Bounded
// twice: at most $scanLimit relationships are looked at (LIMIT is lazy, so a hub's other relationships are never
// read) and at most $take entities come back, in kind-then-key (uid) order. `scanned` tells the caller whether
// the scan cap was reached. $types and $labels are checked against the allow-lists of src/graph/vocabulary.ts.
// Slot `held`: nothing, or ` AND ` the relationship/held-on predicate on r when the walk is read as of a day.
// `$allProperties`: false when the caller reads only the entities' labels (key, name, title, acronym).
UNWIND $frontier AS frontierUid
MATCH (f:Entity {uid: frontierUid})
MATCH (f)-[r]-(n:Entity)
WHERE ($types IS NULL OR type(r) IN $types){{held}}
  AND ($labels IS NULL OR any(label IN labels(n) WHERE label IN $labels))
  AND NOT n.uid IN $seen
WITH n LIMIT toInteger($scanLimit)
WITH collect(n) AS reached, count(*) AS scanned
UNWIND reached AS n
WITH DISTINCT n, scanned
ORDER BY n.uid
LIMIT toInteger($take)
RETURN {labels: labels(n), props: CASE WHEN $allProperties THEN properties(n) ELSE n {.key, .name, .title, .acronym} END} AS entity, scanned
