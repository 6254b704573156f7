// The relationships of several entities at once (one round trip for a whole page of parents), optionally
// limited to some types and one direction as seen from the parent. At most $perParent per parent, so a hub
// of thousands of relationships answers with its first $perParent (by type, then the other end's key).
UNWIND $elementIds AS parentId
MATCH (n) WHERE elementId(n) = parentId
CALL (n) {
  MATCH (n)-[r]-(other:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction IS NULL OR ($direction = 'OUTGOING') = (startNode(r) = n))
  RETURN r, other
  ORDER BY type(r), other.key
  LIMIT toInteger($perParent)
}
RETURN parentId,
       elementId(r) AS relId,
       type(r) AS type,
       startNode(r) = n AS outgoing,
       properties(r) AS relProps,
       {eid: elementId(other), labels: labels(other), props: properties(other)} AS other
