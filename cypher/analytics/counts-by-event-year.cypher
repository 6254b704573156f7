// Events per year; events without a year form the group UNKNOWN. The largest group first, ties by key.
MATCH (e:Event)
WITH CASE WHEN e.year IS NULL THEN 'UNKNOWN' ELSE toString(toInteger(e.year)) END AS year, count(e) AS count
ORDER BY count DESC, year
WITH collect({key: year, count: count}) AS groups
RETURN size(groups) AS totalGroups,
       [g IN groups[..toInteger($first)] | {key: g.key, label: g.key, count: g.count, breakdown: [], entity: null}] AS groups
