// An entity's relationships, for a delete: what would be removed, with its ends, up to $limit.
MATCH (n:Entity {uid: $uid})-[r]-(other:Entity)
RETURN type(r) AS type, properties(r) AS props, startNode(r).uid AS fromUid, endNode(r).uid AS toUid
LIMIT $limit
