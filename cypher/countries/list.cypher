// Countries, filtered. One page in keyset order (sort value, then key); $afterValue/$afterKey come from the cursor.
MATCH (n:Country)
WHERE ($nameContains IS NULL OR n.lookupText CONTAINS $nameContains)
  AND ($codes IS NULL OR n.key IN $codes)
  AND ($inRegion IS NULL OR EXISTS { MATCH (n)-[:IN_REGION]->(:Region)-[:PART_OF_REGION*0..4]->(:Region {key: $inRegion}) })
  AND ($memberOf IS NULL OR EXISTS {
        MATCH (n)-[:MEMBER_OF]->(o:Organization) WHERE o.key = $memberOf OR toLower(o.acronym) = $memberOf })
WITH n, CASE $orderField WHEN "CODE" THEN n.key ELSE toLower(n.name) END AS sortValue
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
