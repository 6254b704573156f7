// The property survey of a subgraph export: as relationship-properties, over the relationships whose both ends
// are in $uids.
UNWIND $uids AS uid
MATCH (:Entity {uid: uid})-[r]->(b:Entity)
WHERE type(r) IN $types AND b.uid IN $uids
UNWIND keys(r) AS name
RETURN type(r) AS type, name, collect(DISTINCT valueType(r[name])) AS types
