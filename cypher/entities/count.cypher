// How many match the same filters as entities/list, counted without materialising them.
MATCH (n:Entity)
WHERE n.uid STARTS WITH $uidPrefix
  AND ($nameContains IS NULL OR n.lookupText CONTAINS $nameContains)
  AND ($kind IS NULL OR n.kind = $kind)
RETURN count(n) AS total
