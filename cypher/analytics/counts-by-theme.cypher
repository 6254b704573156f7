// Projects per theme (HAS_THEME), the largest group first, ties by key. All groups are counted (for
// totalGroups); only the first $first are projected. HAS_THEME only ever runs from a Project to a Theme and is
// written once per pair (MERGE: docs/model.md), so a theme's incoming HAS_THEME degree is its number of
// projects, which Neo4j reads from the degree store instead of expanding every relationship. Slot `held_r`:
// nothing, or ` WHERE ` the relationship/held-on predicate on r (as of a day: the projects working on it then).
// `$withEntities`: whether each group's theme is projected (`groups { entity }` selected).
MATCH (t:Theme)
WITH t, COUNT { (t)<-[r:HAS_THEME]-(){{held_r}} } AS count
WHERE count > 0 OR $includeEmpty
WITH t, count
ORDER BY count DESC, t.key
WITH collect({node: t, count: count}) AS groups
RETURN size(groups) AS totalGroups,
       [g IN groups[..toInteger($first)] | {
         key: g.node.key,
         label: coalesce(g.node.name, g.node.key),
         count: g.count,
         breakdown: [],
         entity: CASE WHEN $withEntities THEN {labels: labels(g.node), props: properties(g.node)} END
       }] AS groups
