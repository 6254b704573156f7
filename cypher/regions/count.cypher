// How many match the same filters as regions/list, counted without materialising them.
MATCH (n:Region)
WHERE ($nameContains IS NULL OR n.lookupText CONTAINS $nameContains)
  AND ($level IS NULL OR n.level = $level)
  AND ($within IS NULL OR EXISTS { MATCH (n)-[:PART_OF_REGION*1..4]->(:Region {key: $within}) })
RETURN count(n) AS total
