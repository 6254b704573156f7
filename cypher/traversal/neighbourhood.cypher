// The neighbourhood of an entity in one statement, composed by src/data/traversal/neighbourhood.ts: the centre,
// breadth-first steps out to the asked depth, and the relationships among the entities taken. No row when no
// entity has the uid $uid. Each step looks at no more than $scanLimit relationships (LIMIT is lazy, so a hub is
// never read whole) and takes entities not taken yet, nearest first and in kind-then-key (uid) order within a
// distance, until $limit entities in all (the centre counts), reading one more than fits to know whether the
// cap cut anything. The first step is written here; `steps` holds one traversal/neighbourhood-step per further
// distance. Then each taken entity's outgoing relationships are read up to $scanLimit (`capped` says one hit it)
// and those whose other end was taken become edges: at most $maxEdges + 1 in a stable order (ends, type, id).
// Slots (from the allow-lists, never request text): `rel` the relationship pattern with its types and, as of a
// day, the relationship/held-on predicate; `labels` nothing or ` AND ` a label expression on n (the asked kinds).
// `$allProperties`: false when the query reads only the reached entities' labels (key, name, title, acronym);
// the centre is read whole. `$withProperties`: whether the edges' properties (qualifiers, provenance) are read.
MATCH (c:Entity {uid: $uid})
CALL (c) {
  MATCH (c)-{{rel}}-(n:Entity)
  WHERE n <> c{{labels}}
  WITH n LIMIT toInteger($scanLimit)
  RETURN collect(DISTINCT n) AS reached, count(*) AS scanned
}
WITH c, scanned, COLLECT { UNWIND reached AS n WITH n ORDER BY n.uid LIMIT toInteger($limit) RETURN n } AS nearest
WITH c, nearest[..$limit - 1] AS taken, nearest[..$limit - 1] AS frontier, scanned >= $scanLimit OR size(nearest) > $limit - 1 AS truncated
{{steps}}
CALL (c, taken) {
  WITH [c] + taken AS nodes
  UNWIND nodes AS a
  CALL (a) {
    MATCH (a)-{{rel}}->(b:Entity)
    WITH r, b LIMIT toInteger($scanLimit)
    RETURN collect([r, b]) AS out
  }
  WITH nodes, a, out, size(out) >= $scanLimit AS capped
  UNWIND out AS pair
  WITH nodes, a, pair[0] AS r, pair[1] AS b, capped
  WHERE b IN nodes
  WITH r.id AS id, type(r) AS type, a.uid AS source, b.uid AS target, CASE WHEN $withProperties THEN properties(r) END AS props, capped
  ORDER BY source, type, target, id
  LIMIT toInteger($maxEdges) + 1
  RETURN collect({id: id, type: type, source: source, target: target, props: props, capped: capped}) AS edges
}
RETURN {labels: labels(c), props: properties(c)} AS centre,
       [n IN taken | {labels: labels(n), props: CASE WHEN $allProperties THEN properties(n) ELSE n {.key, .name, .title, .acronym} END}] AS entities,
       edges,
       truncated
