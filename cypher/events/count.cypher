// How many match the same filters as events/list, counted without materialising them.
MATCH (n:Event)
WHERE ($nameContains IS NULL OR n.lookupText CONTAINS $nameContains)
  AND ($year IS NULL OR n.year = $year)
  AND ($yearFrom IS NULL OR n.year >= $yearFrom)
  AND ($yearTo IS NULL OR n.year <= $yearTo)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($organizedBy IS NULL OR EXISTS {
        MATCH (o:Organization)-[:ORGANIZED]->(n) WHERE o.key = $organizedBy OR toLower(o.acronym) = $organizedBy })
  AND ($hostCountry IS NULL OR EXISTS { MATCH (n)-[:HELD_IN]->(:Country {key: $hostCountry}) })
RETURN count(n) AS total
