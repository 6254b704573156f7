// Creates one batch of synthetic HOLDS relationships between entities found by uid (the :Entity uid index).
// The type is static; a row whose ends are missing creates nothing, so the writer compares counts.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
CREATE (a)-[r:HOLDS]->(b)
SET r = row.props, r.synthetic = true, r.provenance = $provenance, r.sourceKeys = $sourceKeys
RETURN count(r) AS created
