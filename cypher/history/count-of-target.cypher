// How many changes one entity or relationship has had.
MATCH (c:Change)
WHERE c.targetUid = $targetUid
RETURN count(c) AS count
