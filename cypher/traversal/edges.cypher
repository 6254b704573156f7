// The relationships among the entities of a neighbourhood (both ends in $ids), each once, in stored
// direction, of the asked types only; at most $limit of them in a stable order.
UNWIND $ids AS startId
MATCH (a:Entity) WHERE elementId(a) = startId
MATCH (a)-[r]->(b:Entity)
WHERE elementId(b) IN $ids
  AND ($types IS NULL OR type(r) IN $types)
RETURN elementId(r) AS id, type(r) AS type, a.uid AS source, b.uid AS target, properties(r) AS props
ORDER BY source, type, target, id
LIMIT toInteger($limit)
