// The relationships among the entities of a neighbourhood (both ends' uids in $uids), each once, in stored
// direction, of the asked types only; at most $limit of them in a stable order (ends, type, stored id). Each
// entity's outgoing relationships are read lazily up to $scanPerNode, so a hub is never read whole; `capped`
// says a node hit it. `id` is the relationship's stored, stable id. Slot `held`: nothing, or ` AND ` the
// relationship/held-on predicate on r (as of a day, only the relationships that held then are edges).
// `$withProperties`: whether the edges' properties (qualifiers, provenance) are read.
UNWIND $uids AS startUid
MATCH (a:Entity {uid: startUid})
CALL (a) {
  MATCH (a)-[r]->(b:Entity)
  WHERE ($types IS NULL OR type(r) IN $types){{held}}
  WITH r, b LIMIT toInteger($scanPerNode)
  RETURN collect([r, b]) AS scanned
}
WITH a, scanned, size(scanned) >= $scanPerNode AS capped
UNWIND scanned AS pair
WITH a, pair[0] AS r, pair[1] AS b, capped
WHERE b.uid IN $uids
RETURN r.id AS id, type(r) AS type, a.uid AS source, b.uid AS target, CASE WHEN $withProperties THEN properties(r) END AS props, capped
ORDER BY source, type, target, id
LIMIT toInteger($limit)
