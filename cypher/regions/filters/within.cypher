EXISTS { MATCH (n)-[:PART_OF_REGION*1..4]->(:Region {key: $within}) }
