// Relationships of one type by their stored ids (unique per type, see migration 0005), for relationship(id:)
// and node(id:). The `type` slot comes from the allow-list; the id lookup uses the relationship index.
UNWIND $ids AS relationshipId
MATCH (start:Entity)-[r:{{type}} {id: relationshipId}]->(end:Entity)
RETURN r.id AS id,
       type(r) AS type,
       properties(r) AS relProps,
       start.uid AS startUid,
       {labels: labels(end), props: properties(end)} AS other
