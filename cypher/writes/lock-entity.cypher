// Locks an entity for this transaction before reading it: the write lock taken by SET is held until
// commit, so the version read after it is the latest, and two concurrent updates cannot both pass the same
// expected version (the read-then-write pattern of Neo4j's concurrency guide). The marker is removed at
// once: the lock, not the property, is what lasts until commit.
MATCH (n:Entity {uid: $uid})
SET n.writeLock = true
REMOVE n.writeLock
RETURN labels(n) AS labels, properties(n) AS props
