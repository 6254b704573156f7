// One keyset page of the whole graph's entities of one label: uids between $after and $before (the label's
// range, "Organization:" to "Organization;", narrowed by the last uid read), in uid order, at most $batch.
// The unique `uid` index of :Entity seeks straight to the range and yields it in order, so every page costs the
// same however far into the label it is, and one plan serves all labels.
MATCH (n:Entity)
WHERE n.uid > $after AND n.uid < $before
RETURN n.key AS key, n.uid AS uid, properties(n) AS props
ORDER BY n.uid
LIMIT toInteger($batch)
