// How many match the same filters as positions/list, counted without materialising them.
MATCH (n:Position)
WHERE ($inOrganization IS NULL OR EXISTS {
        MATCH (n)-[:POSITION_IN]->(o:Organization) WHERE o.key = $inOrganization OR toLower(o.acronym) = $inOrganization })
  AND ($heldByStaffOf IS NULL OR EXISTS {
        MATCH (n)-[:HELD_BY_STAFF_OF]->(o:Organization) WHERE o.key = $heldByStaffOf OR toLower(o.acronym) = $heldByStaffOf })
RETURN count(n) AS total
