// One page of one relationship field for each of several parents (one statement per nesting level, whatever
// the number of parents), composed by src/data/relationshipPages.ts. Slots: `pattern` is the relationship
// type(s) and direction from the allow-list (`-[r:MEMBER_OF]->`, `<-[r:HAS_THEME]-`, `-[r]-`), `other` the
// other end's label, `position` the unique position expression (the other end's stored sort key, then the
// relationship id), `seek` the keyset bound from the cursor (or nothing), `direction` ASC or DESC. The limit
// is applied per parent inside Cypher, so a hub with thousands of relationships is never read whole.
UNWIND $parents AS parentUid
MATCH (parent:Entity {uid: parentUid})
CALL (parent) {
  MATCH (parent){{pattern}}(other:{{other}})
  WITH r, other, {{position}} AS position
  {{seek}}
  RETURN r, other, position
  ORDER BY position {{direction}}
  LIMIT $limit
}
RETURN parentUid,
       r.id AS id,
       type(r) AS type,
       startNode(r) = parent AS outgoing,
       properties(r) AS relProps,
       {labels: labels(other), props: properties(other)} AS other,
       position
