// One breadth-first step of traversal/neighbourhood after the first (same slots and parameters): from the entities
// the previous step took (`frontier`), the entities one relationship away not taken yet, while the node cap leaves
// room; `taken`, `frontier` and `truncated` go on to the next step or to the edges. (LIMIT takes no variable, so
// the nearest are cut to the room left, plus one, after the top $limit.)
CALL (c, taken, frontier) {
  UNWIND CASE WHEN size(taken) < $limit - 1 THEN frontier ELSE [] END AS f
  MATCH (f)-{{rel}}-(n:Entity)
  WHERE n <> c AND NOT n IN taken{{labels}}
  WITH n LIMIT toInteger($scanLimit)
  RETURN collect(DISTINCT n) AS reached, count(*) AS scanned
}
WITH c, taken, truncated, scanned, $limit - 1 - size(taken) AS room, COLLECT { UNWIND reached AS n WITH n ORDER BY n.uid LIMIT toInteger($limit) RETURN n } AS nearest
WITH c, taken + nearest[..room] AS taken, nearest[..room] AS frontier, truncated OR scanned >= $scanLimit OR size(nearest) > room AS truncated
