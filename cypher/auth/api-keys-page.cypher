// One page of API keys in creation order (ties broken by id), from a keyset position; no hashes leave the store.
MATCH (k:ApiKey)
WHERE $afterCreatedAt IS NULL
   OR k.createdAt > datetime($afterCreatedAt)
   OR (k.createdAt = datetime($afterCreatedAt) AND k.id > $afterId)
RETURN k.id AS id, k.name AS name, k.role AS role, toString(k.createdAt) AS createdAt, k.createdBy AS createdBy,
       toString(k.revokedAt) AS revokedAt, toString(k.lastUsedAt) AS lastUsedAt
ORDER BY k.createdAt, k.id
LIMIT $limit
