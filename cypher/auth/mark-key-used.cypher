// Records when a key was last seen (at most once per cache period: cached verifications do not write).
MATCH (k:ApiKey {id: $id})
SET k.lastUsedAt = datetime($usedAt)
RETURN k.id AS id
