// Entities by their `Label:key` uid (uniquely indexed on :Entity), for node(id), nodes(ids) and loaders.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
RETURN {labels: labels(n), props: properties(n)} AS entity
