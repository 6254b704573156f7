// The relationships of several entities at once (one round trip for a whole page of parents), optionally
// limited to some types; `outgoing` says the direction as seen from the parent.
UNWIND $elementIds AS parentId
MATCH (n) WHERE elementId(n) = parentId
MATCH (n)-[r]-(other:Entity)
WHERE ($types IS NULL OR type(r) IN $types)
RETURN parentId,
       elementId(r) AS relId,
       type(r) AS type,
       startNode(r) = n AS outgoing,
       properties(r) AS relProps,
       {eid: elementId(other), labels: labels(other), props: properties(other)} AS other
ORDER BY parentId, type, other.key
