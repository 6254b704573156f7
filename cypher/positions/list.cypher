// Positions, filtered. One page in keyset order (sort value, then key); $afterValue/$afterKey come from the cursor.
MATCH (n:Position)
WHERE ($inOrganization IS NULL OR EXISTS {
        MATCH (n)-[:POSITION_IN]->(o:Organization) WHERE o.key = $inOrganization OR toLower(o.acronym) = $inOrganization })
  AND ($heldByStaffOf IS NULL OR EXISTS {
        MATCH (n)-[:HELD_BY_STAFF_OF]->(o:Organization) WHERE o.key = $heldByStaffOf OR toLower(o.acronym) = $heldByStaffOf })
WITH n, toLower(coalesce(n.name, n.key)) AS sortValue
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
