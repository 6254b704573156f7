// neighbourhoodDepth2: the entities up to two relationships from the centre and the relationships among them,
// with our API's bounds (src/data/traversal/neighbourhood.ts): each breadth-first step looks at no more than $scanLimit
// relationships (a lazy LIMIT, so a hub is never read whole) and keeps the nearest entities in uid order until
// $limit entities in all; each entity's outgoing relationships are scanned up to $scanLimit for the edges, of
// which at most $maxEdges come back. One statement, as ours (cypher/traversal/neighbourhood.cypher, composed per
// depth), written by hand for depth 2.
MATCH (c:Entity {uid: $uid})
CALL (c) {
  MATCH (c)-[]-(n:Entity)
  WHERE n <> c
  WITH n LIMIT $scanLimit
  RETURN collect(n) AS scan1
}
WITH c, scan1, COLLECT { UNWIND scan1 AS n WITH DISTINCT n ORDER BY n.uid LIMIT $limit RETURN n } AS near
WITH c, near[..$limit - 1] AS ring1, size(scan1) >= $scanLimit OR size(near) > $limit - 1 AS cut1
WITH c, ring1, cut1, $limit - 1 - size(ring1) AS room
CALL (c, ring1, room) {
  // Step two only when the first left room (as the resolver, which then stops walking).
  UNWIND CASE WHEN room > 0 THEN ring1 ELSE [] END AS f
  MATCH (f)-[]-(n:Entity)
  WHERE n <> c AND NOT n IN ring1
  WITH n LIMIT $scanLimit
  RETURN collect(n) AS scan2
}
WITH c, ring1, cut1, room, scan2, COLLECT { UNWIND scan2 AS n WITH DISTINCT n ORDER BY n.uid LIMIT $limit RETURN n } AS far
WITH [c] + ring1 + far[..room] AS nodes, cut1 OR size(scan2) >= $scanLimit OR size(far) > room AS cut
CALL (nodes) {
  UNWIND nodes AS a
  CALL (a) {
    MATCH (a)-[r]->(b:Entity)
    WITH r, b LIMIT $scanLimit
    RETURN collect([r, b]) AS scanned
  }
  WITH a, scanned, size(scanned) >= $scanLimit AS capped
  UNWIND scanned AS pair
  WITH a, pair[0] AS r, pair[1] AS b, capped
  WHERE b IN nodes
  WITH a.uid AS source, type(r) AS type, b.uid AS target, elementId(r) AS id, capped
  ORDER BY source, type, target, id
  LIMIT $maxEdges + 1
  RETURN collect({source: source, type: type, target: target}) AS edges, any(x IN collect(capped) WHERE x) AS capped
}
RETURN [n IN nodes | n.uid] AS nodes, edges[..$maxEdges] AS edges, cut OR capped OR size(edges) > $maxEdges AS truncated
