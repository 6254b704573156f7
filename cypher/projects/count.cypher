// How many match the same filters as projects/list, counted without materialising them.
MATCH (n:Project)
WHERE ($nameContains IS NULL OR n.lookupText CONTAINS $nameContains)
  AND ($level IS NULL OR n.level = $level)
  AND ($theme IS NULL OR EXISTS { MATCH (n)-[:HAS_THEME]->(:Theme {key: $theme}) })
  AND ($targetsRegion IS NULL OR EXISTS { MATCH (n)-[:TARGETS]->(:Region {key: $targetsRegion}) })
RETURN count(n) AS total
