MATCH (o:Organization)-[:ORGANIZED]->(n:Event)
WHERE o.key = $organizedBy OR o.acronymKey = $organizedBy
