// search(): the best $scanLimit hits of the entity_search full-text index (migration 0004) for a Lucene
// query the server built and escaped, kept to some kinds, re-scored with a bonus for an exact name, acronym
// or alias match ($exact is the query normalised like `lookupText`), ranked, and capped at $maxResults.
// Only when that finds nothing, $fuzzy (the same words as fuzzy terms, for misspellings; null when no word is
// long enough) is searched instead and its hits are marked FUZZY. Returns the total, the labels of every
// ranked hit (for counts by kind) and one page, sliced by offset ($offset, $pageSize), in one round trip.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: toInteger($scanLimit)}) YIELD node, score
WHERE node:Entity
  AND ($labels IS NULL OR any(label IN labels(node) WHERE label IN $labels))
WITH node, score, $exact IN split(coalesce(node.lookupText, ''), ' | ') AS exact
WITH collect({node: node, score: score + CASE WHEN exact THEN $exactBonus ELSE 0.0 END, match: CASE WHEN exact THEN 'EXACT' ELSE 'WORDS' END}) AS direct
CALL (direct) {
  WITH direct
  WHERE size(direct) = 0 AND $fuzzy IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_search', $fuzzy, {limit: toInteger($scanLimit)}) YIELD node, score
  WHERE node:Entity
    AND ($labels IS NULL OR any(label IN labels(node) WHERE label IN $labels))
  RETURN collect({node: node, score: score, match: 'FUZZY'}) AS fuzzy
}
WITH direct + fuzzy AS hits
// One null row keeps an empty answer a row: collect() below drops it again.
UNWIND (CASE WHEN size(hits) = 0 THEN [null] ELSE hits END) AS hit
WITH hit
ORDER BY hit.score DESC, hit.node.uid ASC
LIMIT toInteger($maxResults)
WITH collect(hit) AS ranked
RETURN size(ranked) AS total,
       [hit IN ranked | labels(hit.node)] AS labels,
       [hit IN ranked[toInteger($offset)..toInteger($offset) + toInteger($pageSize)] |
         {score: hit.score, match: hit.match, entity: {labels: labels(hit.node), props: properties(hit.node)}}] AS page
