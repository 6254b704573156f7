// UN M49 regions, filtered. One page in keyset order (sort value, then key); $afterValue/$afterKey come from the cursor.
MATCH (n:Region)
WHERE ($nameContains IS NULL OR n.lookupText CONTAINS $nameContains)
  AND ($level IS NULL OR n.level = $level)
  AND ($within IS NULL OR EXISTS { MATCH (n)-[:PART_OF_REGION*1..4]->(:Region {key: $within}) })
WITH n, CASE $orderField WHEN "NAME" THEN toLower(n.name) ELSE n.key END AS sortValue
WITH n, sortValue
WHERE $afterKey IS NULL
   OR ($descending AND (sortValue < $afterValue OR (sortValue = $afterValue AND n.key < $afterKey)))
   OR (NOT $descending AND (sortValue > $afterValue OR (sortValue = $afterValue AND n.key > $afterKey)))
RETURN {eid: elementId(n), labels: labels(n), props: properties(n)} AS entity, sortValue
ORDER BY CASE WHEN $descending THEN null ELSE sortValue END ASC,
         CASE WHEN $descending THEN sortValue END DESC,
         CASE WHEN $descending THEN null ELSE n.key END ASC,
         CASE WHEN $descending THEN n.key END DESC
LIMIT toInteger($limit)
