// Creates one import batch's new relationships of one allow-listed type (the `type` slot). Used only for pairs
// known to have no such relationship: the relationship-id constraint refuses a parallel one a concurrent writer
// made meanwhile, and the batch rolls back. Ends must exist; `written` falls short when one vanished since.
UNWIND $rows AS row
MATCH (from:Entity {uid: row.fromUid})
MATCH (to:Entity {uid: row.toUid})
CREATE (from)-[r:{{type}}]->(to)
SET r = row.props
RETURN count(r) AS written
