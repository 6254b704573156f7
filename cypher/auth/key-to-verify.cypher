// What authentication needs of one API key: the hash to compare the presented secret with, and whether it still counts.
MATCH (k:ApiKey {id: $id})
RETURN k.id AS id, k.name AS name, k.role AS role, k.hash AS hash, k.revokedAt IS NOT NULL AS revoked
