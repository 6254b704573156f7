MATCH (n:Entity {uid: $uid})
