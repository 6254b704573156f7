// How many match the same filters as themes/list, counted without materialising them.
MATCH (n:Theme)
WHERE ($nameContains IS NULL OR n.lookupText CONTAINS $nameContains)
  AND ($list IS NULL OR $list IN n.lists)
RETURN count(n) AS total
