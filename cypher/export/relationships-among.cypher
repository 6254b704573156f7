// The relationships of type $type that start at the entities of $starts (a slice of a subgraph export) and end
// inside the subgraph ($uids, all of it), each once in its stored direction, in start-then-id order. A subgraph
// is bounded (export.subgraphNodes), so filtering each start's relationships by type costs little, and one plan
// serves every type.
UNWIND $starts AS start
MATCH (a:Entity {uid: start})-[r]->(b:Entity)
WHERE type(r) = $type AND b.uid IN $uids
RETURN r.id AS id, a.uid AS startUid, b.uid AS endUid, properties(r) AS props
ORDER BY startUid, id
