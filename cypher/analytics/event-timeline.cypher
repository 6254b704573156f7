// Events per year between $yearFrom and $yearTo (either may be null), oldest year first; each year lists
// at most $eventsPerYear events by start date, then name, then key. Events without a year are left out.
MATCH (e:Event)
WHERE e.year IS NOT NULL
  AND ($yearFrom IS NULL OR e.year >= $yearFrom)
  AND ($yearTo IS NULL OR e.year <= $yearTo)
WITH e
ORDER BY e.year, e.startDate, e.name, e.key
WITH toInteger(e.year) AS year, collect(e) AS events
RETURN year,
       size(events) AS count,
       [x IN events[..toInteger($eventsPerYear)] | {eid: elementId(x), labels: labels(x), props: properties(x)}] AS events
ORDER BY year
LIMIT 500
