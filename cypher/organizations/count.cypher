// How many match the same filters as organizations/list, counted without materialising them.
MATCH (n:Organization)
WHERE ($nameContains IS NULL OR n.lookupText CONTAINS $nameContains)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($staffOf IS NULL OR EXISTS {
        MATCH (n)<-[:POSITION_IN]-(:Position)-[:HELD_BY_STAFF_OF]->(staff:Organization)
        WHERE staff.key = $staffOf OR toLower(staff.acronym) = $staffOf })
  AND ($headquarteredIn IS NULL OR EXISTS { MATCH (n)-[:HEADQUARTERED_IN]->(:Country {key: $headquarteredIn}) })
RETURN count(n) AS total
