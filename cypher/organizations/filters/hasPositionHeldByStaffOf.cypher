MATCH (staff:Organization)<-[:HELD_BY_STAFF_OF]-(:Position)-[:POSITION_IN]->(n:Organization)
WHERE staff.key = $hasPositionHeldByStaffOf OR staff.acronymKey = $hasPositionHeldByStaffOf
