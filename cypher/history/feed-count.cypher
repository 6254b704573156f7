// How many changes the feed holds at or after $since.
MATCH (c:Change)
WHERE c.at >= datetime($since)
RETURN count(c) AS count
