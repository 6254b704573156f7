// pageAfter10000, keyset variant: seek in the sortName range index to the entry after $after (the sortName of
// the last organization of the previous page) and read $first entries on; the cost does not grow with the position.
MATCH (o:Organization)
WHERE o.sortName > $after
RETURN o.key AS key, o.name AS name, o.sortName AS cursor
ORDER BY o.sortName
LIMIT $first
