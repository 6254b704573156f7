MATCH (o:Organization)<-[:POSITION_IN]-(n:Position)
WHERE o.key = $inOrganization OR o.acronymKey = $inOrganization
