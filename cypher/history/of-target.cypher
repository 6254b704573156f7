// The history of one entity or relationship, newest first, a page after (older than) $beforeSequence.
MATCH (c:Change)
WHERE c.targetUid = $targetUid AND c.sequence < $beforeSequence
RETURN c {.*, at: toString(c.at)} AS change
ORDER BY c.sequence DESC
LIMIT $limit
