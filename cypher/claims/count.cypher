// How many match the same filters as claims/list, counted without materialising them.
MATCH (n:Claim)
WHERE ($unit IS NULL OR n.unit = $unit)
  AND ($aboutUid IS NULL OR EXISTS { MATCH (n)-[:ABOUT]->(:Entity {uid: $aboutUid}) })
RETURN count(n) AS total
