// Locks one relationship (by its stored id, index-backed per type) before reading it, like lock-entity.
// The `type` slot comes from the allow-list in src/graph/vocabulary.ts.
MATCH (start:Entity)-[r:{{type}} {id: $id}]->(end:Entity)
SET r.writeLock = true
REMOVE r.writeLock
RETURN properties(r) AS props, start.uid AS fromUid, end.uid AS toUid
