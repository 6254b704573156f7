// Seek past the cursor in descending order.
n.{{sortKey}} < $position
