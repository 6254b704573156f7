// Every shortest undirected path between two entities, at most $limit of them (LIMIT right after the search
// keeps it lazy: the paths beyond it are never built). Bounds and the shape of the rows as in
// traversal/shortest-path: 8 is the largest maxLength, $maxLength is applied after the search. Also behind
// connection(). Slot `held` as in traversal/shortest-path.
MATCH (a:Entity {uid: $from}), (b:Entity {uid: $to})
MATCH p = allShortestPaths((a)-[*..8]-(b))
WHERE all(r IN relationships(p) WHERE ($types IS NULL OR type(r) IN $types){{held}})
WITH p
WHERE length(p) <= toInteger($maxLength)
WITH p LIMIT toInteger($limit)
RETURN [n IN nodes(p) | {labels: labels(n), props: properties(n)}] AS nodes,
       [r IN relationships(p) | {id: r.id, type: type(r), start: startNode(r).uid, props: properties(r)}] AS rels
