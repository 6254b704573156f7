// Events, filtered. One page in keyset order (sort value, then key); $afterValue/$afterKey come from the cursor.
MATCH (n:Event)
WHERE ($nameContains IS NULL OR n.lookupText CONTAINS $nameContains)
  AND ($year IS NULL OR n.year = $year)
  AND ($yearFrom IS NULL OR n.year >= $yearFrom)
  AND ($yearTo IS NULL OR n.year <= $yearTo)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($organizedBy IS NULL OR EXISTS {
        MATCH (o:Organization)-[:ORGANIZED]->(n) WHERE o.key = $organizedBy OR toLower(o.acronym) = $organizedBy })
  AND ($hostCountry IS NULL OR EXISTS { MATCH (n)-[:HELD_IN]->(:Country {key: $hostCountry}) })
WITH n, CASE $orderField WHEN "NAME" THEN toLower(n.name) ELSE toString(coalesce(n.year, 0) + 10000) + " " + toLower(n.name) END AS sortValue
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
