// Revokes a key once: revoking it again keeps the first revocation's time and author.
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, datetime($revokedAt)), k.revokedBy = coalesce(k.revokedBy, $revokedBy)
RETURN k.id AS id, k.name AS name, k.role AS role, toString(k.createdAt) AS createdAt, k.createdBy AS createdBy,
       toString(k.revokedAt) AS revokedAt, toString(k.lastUsedAt) AS lastUsedAt
