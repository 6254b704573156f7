// The relationships of one type between two entities (a link is unique per type and ends unless the seed
// gave a discriminator). Locks both ends first, so two concurrent links of the same pair cannot both create.
MATCH (from:Entity {uid: $fromUid}), (to:Entity {uid: $toUid})
SET from.writeLock = true, to.writeLock = true
REMOVE from.writeLock, to.writeLock
WITH from, to
OPTIONAL MATCH (from)-[r:{{type}}]->(to)
RETURN r.id AS id, properties(r) AS props
