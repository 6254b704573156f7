// Projects per theme (HAS_THEME), the largest group first, ties by key. All groups are counted (for
// totalGroups); only the first $first are projected.
MATCH (t:Theme)
OPTIONAL MATCH (p:Project)-[:HAS_THEME]->(t)
WITH t, count(DISTINCT p) AS count
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
         entity: {labels: labels(g.node), props: properties(g.node)}
       }] AS groups
