// Creates one entity. $label comes from the allow-list in src/graph/vocabulary.ts, never from a request;
// the uid uniqueness constraint refuses a second node with the same natural key.
CREATE (n:Entity)
SET n:$($label)
SET n = $props
RETURN labels(n) AS labels, properties(n) AS props
