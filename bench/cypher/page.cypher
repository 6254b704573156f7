// page1: the first $first organizations in name order, read from the sortName range index in order (the LIMIT
// stops the scan). sortName is unique (it ends with the key), so it is also the page's cursor.
MATCH (o:Organization)
WHERE o.sortName IS NOT NULL
RETURN o.key AS key, o.name AS name, o.sortName AS cursor
ORDER BY o.sortName
LIMIT $first
