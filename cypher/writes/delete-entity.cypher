// Deletes an entity with the relationships the caller agreed to remove (checked before, in the same transaction).
MATCH (n:Entity {uid: $uid})
DETACH DELETE n
