// An organization by acronym, case-insensitively ($acronym arrives folded, as acronymKey is stored).
MATCH (n:Organization)
WHERE n.acronymKey = $acronym
WITH n ORDER BY n.key LIMIT 1
