// One shortest undirected path between two entities. The pattern's upper bound, 8, is MAX_PATH_LENGTH in
// src/data/traversal.ts (a variable-length bound cannot be a parameter). $maxLength is applied after the
// search in its own WITH: a predicate on the whole path inside shortestPath's WHERE could make Neo4j fall
// back to an exhaustive search. The relationship-type predicate is checked during the search.
MATCH (a:Entity {uid: $from}), (b:Entity {uid: $to})
MATCH p = shortestPath((a)-[*..8]-(b))
WHERE all(r IN relationships(p) WHERE $types IS NULL OR type(r) IN $types)
WITH p
WHERE length(p) <= toInteger($maxLength)
RETURN [n IN nodes(p) | {eid: elementId(n), labels: labels(n), props: properties(n)}] AS nodes,
       [r IN relationships(p) | {id: elementId(r), type: type(r), start: elementId(startNode(r)), props: properties(r)}] AS rels
