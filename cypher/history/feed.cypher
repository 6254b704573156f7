// The change feed: changes after $afterSequence (the cursor) and at or after $since, oldest first.
MATCH (c:Change)
WHERE c.sequence > $afterSequence AND c.at >= datetime($since)
RETURN c {.*, at: toString(c.at)} AS change
ORDER BY c.sequence ASC
LIMIT $limit
