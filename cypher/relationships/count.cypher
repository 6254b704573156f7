// How many relationships one relationship field has for each of several parents: the same `pattern` and
// `other` slots as relationships/page.cypher, counted without reading the other ends' properties.
UNWIND $parents AS parentUid
MATCH (parent:Entity {uid: parentUid})
RETURN parentUid, COUNT { MATCH (parent){{pattern}}(other:{{other}}) } AS total
