// Entities of one kind (by uid prefix, served by the :Entity uid index), filtered by name and kind property. One page in keyset order (sort value, then key); $afterValue/$afterKey come from the cursor.
MATCH (n:Entity)
WHERE n.uid STARTS WITH $uidPrefix
  AND ($nameContains IS NULL OR n.lookupText CONTAINS $nameContains)
  AND ($kind IS NULL OR n.kind = $kind)
WITH n, toLower(coalesce(n.name, n.title, n.key)) AS sortValue
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
