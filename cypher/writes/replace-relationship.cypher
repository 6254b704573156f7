// Replaces a relationship's properties with the complete set the write module derived.
MATCH (:Entity)-[r:{{type}} {id: $id}]->(:Entity)
SET r = $props
RETURN properties(r) AS props
