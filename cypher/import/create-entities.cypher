// Creates one import batch's new entities, one row each, with the complete stored properties src/writes/batch.ts
// derived. Used only for uids the batch's own transaction found absent: the uid constraint refuses a node a
// concurrent writer created meanwhile, and the batch rolls back. Labels come from the allow-list in
// src/graph/vocabulary.ts (the importer refuses any other kind before it writes).
UNWIND $rows AS row
CREATE (n:Entity)
SET n:$(row.label)
SET n = row.props
RETURN count(n) AS written
