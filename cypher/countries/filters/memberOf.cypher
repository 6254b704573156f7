MATCH (o:Organization)<-[:MEMBER_OF]-(n:Country)
WHERE o.key = $memberOf OR o.acronymKey = $memberOf
