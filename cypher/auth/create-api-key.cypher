// Stores a new API key: only the hash of its secret, never the secret itself.
CREATE (k:ApiKey {id: $id, name: $name, role: $role, hash: $hash, createdAt: datetime($createdAt), createdBy: $createdBy})
RETURN k.id AS id, k.name AS name, k.role AS role, toString(k.createdAt) AS createdAt, k.createdBy AS createdBy,
       toString(k.revokedAt) AS revokedAt, toString(k.lastUsedAt) AS lastUsedAt
