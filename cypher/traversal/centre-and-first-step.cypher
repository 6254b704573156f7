// The centre of neighbourhood() with its first breadth-first step, in one statement (so a walk of depth d
// costs d + 1 statements with the edges): no row when no entity has the uid $uid; otherwise the centre and the
// entities one relationship away from it, bounded as traversal/expand bounds a step: at most $scanLimit
// relationships looked at (LIMIT is lazy), at most $take entities back, in kind-then-key (uid) order, and
// `scanned` to tell whether the scan cap was reached. $types and $labels come from the allow-lists of
// src/graph/vocabulary.ts. Slot `held`: nothing, or ` AND ` the relationship/held-on predicate on r when the walk
// is read as of a day. `$allProperties`: false when the query reads only the reached entities' labels (their
// key, name, title and acronym); the centre is read whole.
MATCH (c:Entity {uid: $uid})
CALL (c) {
  MATCH (c)-[r]-(n:Entity)
  WHERE ($types IS NULL OR type(r) IN $types){{held}}
    AND ($labels IS NULL OR any(label IN labels(n) WHERE label IN $labels))
    AND n.uid <> c.uid
  WITH n LIMIT toInteger($scanLimit)
  RETURN collect(DISTINCT n) AS reached, count(*) AS scanned
}
CALL (reached) {
  UNWIND reached AS n
  WITH n ORDER BY n.uid LIMIT toInteger($take)
  RETURN collect({labels: labels(n), props: CASE WHEN $allProperties THEN properties(n) ELSE n {.key, .name, .title, .acronym} END}) AS entities
}
RETURN {labels: labels(c), props: properties(c)} AS centre, entities, scanned
