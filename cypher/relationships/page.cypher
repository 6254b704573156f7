// One page of one relationship field for each of several parents (one statement per nesting level, whatever
// the number of parents), composed by src/data/relationshipPages.ts. Slots: `pattern` is the relationship
// type(s) and direction from the allow-list (`-[r:MEMBER_OF]->`, `<-[r:HAS_THEME]-`, `-[r]-`), `other` the
// other end's label, `order` the other end's stored sort key then the relationship id (ASC or DESC),
// `position` the same as one unique string (for cursors, made for the kept rows only), `seek` the keyset bound
// from the cursor (or nothing). The limit is applied per parent inside Cypher, so a hub with thousands of
// relationships is never read whole.
UNWIND $parents AS parentUid
MATCH (parent:Entity {uid: parentUid})
CALL (parent) {
  MATCH (parent){{pattern}}(other:{{other}})
  {{seek}}
  WITH r, other
  ORDER BY {{order}}
  LIMIT $limit
  RETURN r, other, {{position}} AS position
}
RETURN parentUid,
       r.id AS id,
       type(r) AS type,
       startNode(r) = parent AS outgoing,
       properties(r) AS relProps,
       {labels: labels(other), props: properties(other)} AS other,
       position
