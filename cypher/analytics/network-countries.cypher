// The cooperation network of countries: pairs that are members of the same organization
// (MEMBER_OF), or take part in the same event (held in the country, or organized by an organization
// headquartered there), project (aimed at the country, or with a participant headquartered there) or
// agreement (a party headquartered there); only the kinds in $via. Weight = shared items, all kinds together.
// Each pair is found once (elementId order, cheaper than comparing uids on every raw row); the model has one
// relationship per type between two entities, so an item is counted once per pair. The heaviest $limit + 1
// pairs are kept (ties by their smaller, then larger uid), each kind with at most $itemsPerLink items by key.
// Slots `held_ra`, `held_rb`: nothing, or ` WHERE ` the relationship/held-on predicate on ra / rb, so that as of a
// day a country takes part only through relationships that held then (e.g. an organization's seat before or after it moved).
CALL () {
  MATCH (a:Country)-[ra:MEMBER_OF{{held_ra}}]->(item:Organization)<-[rb:MEMBER_OF{{held_rb}}]-(b:Country)
  WHERE 'ORGANIZATION' IN $via AND elementId(a) < elementId(b)
  RETURN a, b, item, 'ORGANIZATION' AS via
  UNION ALL
  MATCH (item:Event)
  WHERE 'EVENT' IN $via
  CALL (item) {
    MATCH (item)-[ra:HELD_IN{{held_ra}}]->(c:Country)
    RETURN c
    UNION
    MATCH (item)<-[ra:ORGANIZED{{held_ra}}]-(:Organization)-[rb:HEADQUARTERED_IN{{held_rb}}]->(c:Country)
    RETURN c
  }
  WITH item, collect(c) AS countries
  WHERE size(countries) > 1
  UNWIND countries AS a
  UNWIND countries AS b
  WITH a, b, item
  WHERE elementId(a) < elementId(b)
  RETURN a, b, item, 'EVENT' AS via
  UNION ALL
  MATCH (item:Project)
  WHERE 'PROJECT' IN $via
  CALL (item) {
    MATCH (item)-[ra:TARGETS{{held_ra}}]->(c:Country)
    RETURN c
    UNION
    MATCH (item)<-[ra:PARTICIPATES_IN{{held_ra}}]-(:Organization)-[rb:HEADQUARTERED_IN{{held_rb}}]->(c:Country)
    RETURN c
  }
  WITH item, collect(c) AS countries
  WHERE size(countries) > 1
  UNWIND countries AS a
  UNWIND countries AS b
  WITH a, b, item
  WHERE elementId(a) < elementId(b)
  RETURN a, b, item, 'PROJECT' AS via
  UNION ALL
  MATCH (item:Agreement)
  WHERE 'AGREEMENT' IN $via
  CALL (item) {
    MATCH (item)<-[ra:PARTY_TO{{held_ra}}]-(:Organization)-[rb:HEADQUARTERED_IN{{held_rb}}]->(c:Country)
    RETURN DISTINCT c
  }
  WITH item, collect(c) AS countries
  WHERE size(countries) > 1
  UNWIND countries AS a
  UNWIND countries AS b
  WITH a, b, item
  WHERE elementId(a) < elementId(b)
  RETURN a, b, item, 'AGREEMENT' AS via
}
WITH a, b, via, collect(item) AS items
WITH a, b, sum(size(items)) AS weight, collect({kind: via, items: items}) AS parts
WHERE weight >= $minWeight
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
