// Upserts seed relationships of one type between entities found by uid. $type comes from the allow-list in
// src/graph/vocabulary.ts. A missing endpoint drops its row, so the loader compares counts.
UNWIND $rows AS row
MATCH (from:Entity {uid: row.fromUid})
MATCH (to:Entity {uid: row.toUid})
MERGE (from)-[r:$($type)]->(to)
SET r += row.props
RETURN count(r) AS merged
