// An organization by acronym, case-insensitively ($acronym arrives lower-cased).
MATCH (n:Organization)
WHERE toLower(n.acronym) = $acronym
RETURN {eid: elementId(n), labels: labels(n), props: properties(n)} AS entity
ORDER BY n.key
LIMIT 1
