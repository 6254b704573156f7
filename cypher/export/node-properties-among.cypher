// The property survey of a subgraph export: as node-properties, over the entities whose uids are in $uids.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
UNWIND [label IN labels(n) WHERE label IN $labels] AS label
UNWIND keys(n) AS name
RETURN label, name, collect(DISTINCT valueType(n[name])) AS types
