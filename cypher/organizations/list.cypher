// Organizations, filtered. One page in keyset order (sort value, then key); $afterValue/$afterKey come from the cursor.
MATCH (n:Organization)
WHERE ($nameContains IS NULL OR n.lookupText CONTAINS $nameContains)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($staffOf IS NULL OR EXISTS {
        MATCH (n)<-[:POSITION_IN]-(:Position)-[:HELD_BY_STAFF_OF]->(staff:Organization)
        WHERE staff.key = $staffOf OR toLower(staff.acronym) = $staffOf })
  AND ($headquarteredIn IS NULL OR EXISTS { MATCH (n)-[:HEADQUARTERED_IN]->(:Country {key: $headquarteredIn}) })
WITH n, CASE $orderField WHEN "ACRONYM" THEN toLower(coalesce(n.acronym, n.name)) WHEN "FOUNDED_YEAR" THEN toString(coalesce(n.foundedYear, 0) + 10000) ELSE toLower(n.name) END AS sortValue
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
