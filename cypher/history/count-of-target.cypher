// How many changes one entity or relationship has had (numbered ones: a pending change is not in the history yet).
MATCH (c:Change)
WHERE c.targetUid = $targetUid AND c.sequence IS NOT NULL
RETURN count(c) AS count
