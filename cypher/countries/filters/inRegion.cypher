EXISTS { MATCH (n)-[:IN_REGION]->(:Region)-[:PART_OF_REGION*0..4]->(:Region {key: $inRegion}) }
