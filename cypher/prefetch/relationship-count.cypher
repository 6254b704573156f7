// How many relationships the entity `parent` has for one relationship field (as relationships/count.cypher).
COUNT { MATCH ({{parent}}){{pattern}}(:{{label}}) }
