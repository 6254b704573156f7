// Events per year between $yearFrom and $yearTo (either may be null), oldest year first; each year lists
// at most $eventsPerYear events by start date, then name, then key. Events without a year are left out; at
// most $maxYears years (the registry's cap on groups, src/limits.ts analytics.groups.max).
MATCH (e:Event)
WHERE e.year IS NOT NULL
  AND ($yearFrom IS NULL OR e.year >= $yearFrom)
  AND ($yearTo IS NULL OR e.year <= $yearTo)
WITH e
ORDER BY e.year, e.startDate, e.name, e.key
WITH toInteger(e.year) AS year, collect(e) AS events
RETURN year,
       size(events) AS count,
       [x IN events[..toInteger($eventsPerYear)] | {labels: labels(x), props: properties(x)}] AS events
ORDER BY year
LIMIT toInteger($maxYears)
