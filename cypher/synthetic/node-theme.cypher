// Creates one batch of synthetic Theme nodes (benchmark data, see src/synthetic). The labels are static, as
// every synthetic file's are; $provenance and $sourceKeys name the synthetic source.
UNWIND $rows AS row
CREATE (n:Entity:Synthetic:Theme)
SET n = row, n.synthetic = true, n.provenance = $provenance, n.sourceKeys = $sourceKeys
RETURN count(n) AS created
