// A predicate on the relationship {{rel}}: it held on the day $asOf (YYYY-MM-DD). The bounds are stored by
// src/graph/storedProperties.ts (validityBounds) on relationships with a temporal qualifier, widened to the whole
// period their precision allows; a missing bound is open ({{openStart}} / {{openEnd}}), so a relationship without
// dates held on every day. Composed into relationship pages, traversal and analytics wherever `asOf` is given, and
// left out of the statement altogether when it is not (no `$asOf IS NULL OR …`).
coalesce({{rel}}.validFromBound, '{{openStart}}') <= $asOf AND $asOf < coalesce({{rel}}.validToBound, '{{openEnd}}')
