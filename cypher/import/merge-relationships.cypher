// Writes one import batch's created or changed relationships of one allow-listed type (the `type` slot): MERGE on
// the type and both ends, as `link` keeps one relationship per type and ends. Ends must exist (validation saw to
// it); `written` falls short when one vanished since, and the batch is rolled back.
UNWIND $rows AS row
MATCH (from:Entity {uid: row.fromUid})
MATCH (to:Entity {uid: row.toUid})
MERGE (from)-[r:{{type}}]->(to)
SET r = row.props
RETURN count(r) AS written
