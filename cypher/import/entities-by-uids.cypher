// What is stored for the entities an import names, by uid (validation reads it; a batch reads it again in its
// own transaction before it writes). Absent uids give no row.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
RETURN uid, [label IN labels(n) WHERE label <> 'Entity' AND label <> 'Synthetic'][0] AS label, properties(n) AS props
