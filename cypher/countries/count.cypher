// How many match the same filters as countries/list, counted without materialising them.
MATCH (n:Country)
WHERE ($nameContains IS NULL OR n.lookupText CONTAINS $nameContains)
  AND ($codes IS NULL OR n.key IN $codes)
  AND ($inRegion IS NULL OR EXISTS { MATCH (n)-[:IN_REGION]->(:Region)-[:PART_OF_REGION*0..4]->(:Region {key: $inRegion}) })
  AND ($memberOf IS NULL OR EXISTS {
        MATCH (n)-[:MEMBER_OF]->(o:Organization) WHERE o.key = $memberOf OR toLower(o.acronym) = $memberOf })
RETURN count(n) AS total
