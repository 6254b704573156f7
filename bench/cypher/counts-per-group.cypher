// countsPerGroup: projects per theme, the largest group first, ties by key, themes without projects left out.
// HAS_THEME only ever points from a Project to a Theme (docs/model.md), so the count is the theme's incoming
// HAS_THEME degree, which Neo4j reads from the node's degree store without expanding a relationship.
MATCH (t:Theme)
WITH t, COUNT { (t)<-[:HAS_THEME]-() } AS count
WHERE count > 0
RETURN t.key AS key, count
ORDER BY count DESC, key
LIMIT $first
