// Themes of the controlled vocabulary, filtered. One page in keyset order (sort value, then key); $afterValue/$afterKey come from the cursor.
MATCH (n:Theme)
WHERE ($nameContains IS NULL OR n.lookupText CONTAINS $nameContains)
  AND ($list IS NULL OR $list IN n.lists)
WITH n, toLower(n.name) AS sortValue
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
