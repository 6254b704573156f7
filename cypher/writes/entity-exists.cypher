// Whether entities exist, by uid (provenance sources, link ends).
UNWIND $uids AS uid
OPTIONAL MATCH (n:Entity {uid: uid})
RETURN uid, n IS NOT NULL AS exists, [label IN labels(n) WHERE label <> 'Entity' AND label <> 'Synthetic'][0] AS label
