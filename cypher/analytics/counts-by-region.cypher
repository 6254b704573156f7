// Entities directly linked to each region: projects aimed at it (TARGETS), training programmes whose trainees
// come from it (TRAINEES_FROM), claims scoped to it (SCOPED_TO); distinct entities, with the count per type.
// The largest group first, ties by key; all groups are counted, only the first $first projected. Slot `held_r`:
// nothing, or ` WHERE ` the relationship/held-on predicate on r (as of a day: the links that held then).
// `$withEntities`: whether each group's region is projected (`groups { entity }` selected).
MATCH (g:Region)
CALL (g) {
  OPTIONAL MATCH (g)<-[r:TARGETS|TRAINEES_FROM|SCOPED_TO{{held_r}}]-(s:Entity)
  WITH type(r) AS type, count(DISTINCT s) AS count
  WHERE type IS NOT NULL
  ORDER BY type
  RETURN collect({type: type, count: count}) AS breakdown
}
CALL (g) {
  OPTIONAL MATCH (g)<-[r:TARGETS|TRAINEES_FROM|SCOPED_TO{{held_r}}]-(s:Entity)
  RETURN count(DISTINCT s) AS count
}
WITH g, count, breakdown
WHERE count > 0 OR $includeEmpty
WITH g, count, breakdown
ORDER BY count DESC, g.key
WITH collect({node: g, count: count, breakdown: breakdown}) AS groups
RETURN size(groups) AS totalGroups,
       [x IN groups[..toInteger($first)] | {
         key: x.node.key,
         label: coalesce(x.node.name, x.node.key),
         count: x.count,
         breakdown: x.breakdown,
         entity: CASE WHEN $withEntities THEN {labels: labels(x.node), props: properties(x.node)} END
       }] AS groups
