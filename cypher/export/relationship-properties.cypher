// The property survey of a whole-graph export: per relationship type of $types (between entities), each stored
// property name with the value types it takes.
MATCH (:Entity)-[r]->(:Entity)
WHERE type(r) IN $types
UNWIND keys(r) AS name
RETURN type(r) AS type, name, collect(DISTINCT valueType(r[name])) AS types
