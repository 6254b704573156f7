// The claims that say how complete one relationship list of each parent (uids in $parents) is: ABOUT the parent,
// naming the list by its relationship type ($type) and direction seen from the parent ($direction). Read only when
// a connection's `completeness` is selected, one statement per list for all parents of a nesting level.
UNWIND $parents AS parentUid
MATCH (parent:Entity {uid: parentUid})<-[:ABOUT]-(c:Claim)
WHERE c.listRelationshipType = $type AND c.listDirection = $direction AND c.completeness IS NOT NULL
RETURN parentUid, {labels: labels(c), props: properties(c)} AS claim
ORDER BY parentUid, c.key
