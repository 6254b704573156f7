// Replaces an entity's properties with the complete set the write module derived (src/writes/entities.ts).
MATCH (n:Entity {uid: $uid})
SET n = $props
RETURN labels(n) AS labels, properties(n) AS props
