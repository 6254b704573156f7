// lookup(): entities one of whose names (name, title, acronym, official name, source label, aliases: the
// ` | `-separated parts of `lookupText`) is exactly $name, normalised the same way. CONTAINS is served by the
// text index on :Entity(lookupText) (migration 0004); the exact comparison then runs on those few candidates.
MATCH (n:Entity)
WHERE n.lookupText CONTAINS $name
  AND $name IN split(n.lookupText, ' | ')
  AND ($labels IS NULL OR any(label IN labels(n) WHERE label IN $labels))
RETURN {labels: labels(n), props: properties(n)} AS entity
ORDER BY n.uid
LIMIT toInteger($limit)
