// search(): the best $scanLimit hits of the entity_search full-text index (migration 0004) for a Lucene
// query the server built and escaped, kept to some kinds, re-scored with a bonus for an exact name, acronym
// or alias match ($exact is the query normalised like `lookupText`), ranked, and capped at $maxResults.
// Returns the total and one page, sliced by offset ($offset, $pageSize), in one round trip.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: toInteger($scanLimit)}) YIELD node, score
WHERE node:Entity
  AND ($labels IS NULL OR any(label IN labels(node) WHERE label IN $labels))
WITH node,
     score + CASE WHEN $exact IN split(coalesce(node.lookupText, ''), ' | ') THEN $exactBonus ELSE 0.0 END AS score
ORDER BY score DESC, node.uid ASC
LIMIT toInteger($maxResults)
WITH collect({node: node, score: score}) AS hits
RETURN size(hits) AS total,
       [hit IN hits[toInteger($offset)..toInteger($offset) + toInteger($pageSize)] |
         {score: hit.score, entity: {labels: labels(hit.node), props: properties(hit.node)}}] AS page
