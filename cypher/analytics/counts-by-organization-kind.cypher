// Organizations per kind; those without a recorded kind form the group UNSPECIFIED. The largest group first,
// ties by key (the organization_kind index serves the grouping).
MATCH (o:Organization)
WITH coalesce(o.kind, 'UNSPECIFIED') AS kind, count(o) AS count
ORDER BY count DESC, kind
WITH collect({key: kind, count: count}) AS groups
RETURN size(groups) AS totalGroups,
       [g IN groups[..toInteger($first)] | {key: g.key, label: g.key, count: g.count, breakdown: [], entity: null}] AS groups
