// Creates one batch of synthetic nodes of one label (benchmark data, see src/synthetic). $label comes from the
// allow-list in src/graph/vocabulary.ts (checked by the writer before it is passed), never from a request;
// each row is the node's properties as src/graph/storedProperties.ts derives them (uid, sort keys, provenance).
UNWIND $rows AS row
CREATE (n:Entity:Synthetic:$($label))
SET n = row, n.synthetic = true
RETURN count(n) AS created
