// Seek past the cursor in ascending order (range seek on the sort index).
n.{{sortKey}} > $position
