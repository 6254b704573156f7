// pageAfter10000, OFFSET variant: the same index-ordered scan, skipping the first $offset entries (which are
// still read from the index, so the cost grows with the offset).
MATCH (o:Organization)
WHERE o.sortName IS NOT NULL
RETURN o.key AS key, o.name AS name, o.sortName AS cursor
ORDER BY o.sortName
SKIP $offset
LIMIT $first
