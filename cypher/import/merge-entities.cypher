// Writes one import batch's created or changed entities, one row each, with the complete stored properties
// src/writes/batch.ts derived. MERGE on the natural key (uid) makes a re-run land on the same node; labels come
// from the allow-list in src/graph/vocabulary.ts (the importer refuses any other kind before it writes).
UNWIND $rows AS row
MERGE (n:Entity {uid: row.uid})
SET n:$(row.label)
SET n = row.props
RETURN count(n) AS written
