// The property survey of a whole-graph export: per label of $labels, each stored property name with the value
// types it takes (valueType), so typed CSV headers and GraphML keys can be written before the first row.
MATCH (n:Entity)
UNWIND [label IN labels(n) WHERE label IN $labels] AS label
UNWIND keys(n) AS name
RETURN label, name, collect(DISTINCT valueType(n[name])) AS types
