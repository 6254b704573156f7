// Removes one batch of synthetic nodes with their relationships; the caller repeats until none is left, so
// no single transaction grows with the size of the synthetic graph.
MATCH (n:Synthetic)
WITH n LIMIT toInteger($batchSize)
DETACH DELETE n
RETURN count(*) AS deleted
