MATCH (o:Organization)<-[:HELD_BY_STAFF_OF]-(n:Position)
WHERE o.key = $heldByStaffOf OR o.acronymKey = $heldByStaffOf
