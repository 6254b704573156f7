// How many changes the feed holds at or after $since (numbered ones: a pending change is not in the feed yet).
MATCH (c:Change)
WHERE c.at >= datetime($since) AND c.sequence IS NOT NULL
RETURN count(c) AS count
