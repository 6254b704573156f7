// Upserts seed nodes of one label by their graph-wide uid ("Label:key"), found through the :Entity uid
// constraint. $label comes from the allow-list in src/graph/vocabulary.ts, never from a request.
UNWIND $rows AS row
MERGE (n:Entity {uid: row.uid})
SET n:$($label)
SET n += row.props
RETURN count(n) AS merged
