// The entities of one slice of a subgraph export, by their indexed `uid`, in the order of $uids.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
RETURN n.key AS key, properties(n) AS props
