// Creates one relationship of an allow-listed type (the `type` slot) with its complete stored properties.
MATCH (from:Entity {uid: $fromUid}), (to:Entity {uid: $toUid})
CREATE (from)-[r:{{type}}]->(to)
SET r = $props
RETURN properties(r) AS props
