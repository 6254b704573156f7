// Creates one batch of synthetic relationships of one type between entities found by uid (the :Entity uid
// index). $type comes from the allow-list in src/graph/vocabulary.ts (checked by the writer before it is
// passed); row.props holds the id and provenance of src/graph/storedProperties.ts. A row whose ends are
// missing creates nothing, so the writer compares counts.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
CREATE (a)-[r:$($type)]->(b)
SET r = row.props, r.synthetic = true
RETURN count(r) AS created
