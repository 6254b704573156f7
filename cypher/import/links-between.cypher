// The stored relationships of one allow-listed type (the `type` slot) between given pairs of ends. Each end is
// matched on its own (a unique-index seek) and the relationship expanded between them: written as one pattern,
// the planner — whose counts are stale while an import fills an empty store — may scan the type instead.
UNWIND $pairs AS pair
MATCH (from:Entity {uid: pair.fromUid})
MATCH (to:Entity {uid: pair.toUid})
MATCH (from)-[r:{{type}}]->(to)
RETURN pair.fromUid AS fromUid, pair.toUid AS toUid, properties(r) AS props
