// Entities by their `Label:key` uid (uniquely indexed on :Entity), for node(id), nodes(ids) and loaders.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
RETURN {eid: elementId(n), labels: labels(n), props: properties(n)} AS entity
