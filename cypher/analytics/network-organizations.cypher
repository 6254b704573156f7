// The cooperation network of organizations: pairs sharing events they both organized,
// projects they both take part in, agreements they are both party to, or an organization they are both part
// of; only the kinds in $via. Weight = shared items, all kinds together.
// Each pair is found once (elementId order, cheaper than comparing uids on every raw row); the model has one
// relationship per type between two entities, so an item is counted once per pair. The heaviest $limit + 1
// pairs are kept (ties by their smaller, then larger uid), each kind with at most $itemsPerLink items by key.
// Slots `held_ra`, `held_rb`: nothing, or ` WHERE ` the relationship/held-on predicate on ra / rb, so that as of a
// day an item is shared only through relationships that held then. A pair joined by PART_OF is a hierarchy
// whenever that held (MLR co-organized the 2006 congress as CGS's parent), so that test takes no day.
CALL () {
  MATCH (a:Organization)-[ra:ORGANIZED{{held_ra}}]->(item:Event)<-[rb:ORGANIZED{{held_rb}}]-(b:Organization)
  WHERE 'EVENT' IN $via AND elementId(a) < elementId(b)
  RETURN a, b, item, 'EVENT' AS via
  UNION ALL
  MATCH (a:Organization)-[ra:PARTICIPATES_IN{{held_ra}}]->(item:Project)<-[rb:PARTICIPATES_IN{{held_rb}}]-(b:Organization)
  WHERE 'PROJECT' IN $via AND elementId(a) < elementId(b)
  RETURN a, b, item, 'PROJECT' AS via
  UNION ALL
  MATCH (a:Organization)-[ra:PARTY_TO{{held_ra}}]->(item:Agreement)<-[rb:PARTY_TO{{held_rb}}]-(b:Organization)
  WHERE 'AGREEMENT' IN $via AND elementId(a) < elementId(b)
  RETURN a, b, item, 'AGREEMENT' AS via
  UNION ALL
  MATCH (a:Organization)-[ra:PART_OF{{held_ra}}]->(item:Organization)<-[rb:PART_OF{{held_rb}}]-(b:Organization)
  WHERE 'ORGANIZATION' IN $via AND elementId(a) < elementId(b)
  RETURN a, b, item, 'ORGANIZATION' AS via
}
WITH a, b, via, collect(item) AS items
WITH a, b, sum(size(items)) AS weight, collect({kind: via, items: items}) AS parts
// A parent and its part (CGS and its ministry) are a hierarchy, not partners, unless $includeHierarchy.
WHERE weight >= $minWeight
  AND ($includeHierarchy OR NOT EXISTS { (a)-[:PART_OF]-(b) })
WITH a, b, weight, parts,
     CASE WHEN a.uid < b.uid THEN a.uid ELSE b.uid END AS firstUid,
     CASE WHEN a.uid < b.uid THEN b.uid ELSE a.uid END AS secondUid
ORDER BY weight DESC, firstUid, secondUid
LIMIT toInteger($limit) + 1
CALL (parts) {
  UNWIND parts AS part
  CALL (part) {
    UNWIND part.items AS item
    WITH item
    ORDER BY item.key
    LIMIT toInteger($itemsPerLink)
    RETURN collect({labels: labels(item), props: properties(item)}) AS items
  }
  WITH part, items
  ORDER BY size(part.items) DESC, part.kind
  RETURN collect({kind: part.kind, count: size(part.items), items: items}) AS shared
}
RETURN {labels: labels(a), props: properties(a)} AS a,
       {labels: labels(b), props: properties(b)} AS b,
       weight, shared
ORDER BY weight DESC, firstUid, secondUid
