// The stored relationships of one allow-listed type (the `type` slot) between given pairs of ends.
UNWIND $pairs AS pair
MATCH (:Entity {uid: pair.fromUid})-[r:{{type}}]->(:Entity {uid: pair.toUid})
RETURN pair.fromUid AS fromUid, pair.toUid AS toUid, properties(r) AS props
