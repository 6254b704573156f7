// filteredSortedList: the first $first organizations of one kind in name order. The composite range index
// (kind, sortName) of migration 0005 serves both the equality and the order: ordering by the index's whole
// tuple (kind is fixed by the equality, so the order is sortName's) lets the planner read the index in order
// and stop after $first entries, where ORDER BY o.sortName alone makes it read every organization of the kind.
MATCH (o:Organization)
WHERE o.kind = $kind AND o.sortName IS NOT NULL
RETURN o.key AS key, o.name AS name
ORDER BY o.kind, o.sortName
LIMIT $first
