// One keyset page of the whole graph's relationships of one type between entities: stored ids after $after,
// in id order, at most $batch. {{type}} is a member of RELATIONSHIP_TYPES; the per-type uniqueness constraint on
// `id` (migration 0005) backs the seek and the order.
MATCH (a:Entity)-[r:{{type}}]->(b:Entity)
WHERE r.id > $after
RETURN r.id AS id, a.uid AS startUid, b.uid AS endUid, properties(r) AS props
ORDER BY r.id
LIMIT toInteger($batch)
