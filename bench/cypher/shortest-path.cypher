// shortestPath: one shortest undirected path of at most 6 relationships (our API's default maxLength; a
// variable-length bound cannot be a parameter) between two entities found by their uid.
MATCH (a:Entity {uid: $from}), (b:Entity {uid: $to})
MATCH p = shortestPath((a)-[*..6]-(b))
RETURN length(p) AS length, [n IN nodes(p) | n.uid] AS uids
