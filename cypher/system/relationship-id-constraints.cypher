// The relationship types whose stored `id` is under a uniqueness constraint (migration 0005).
SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes, properties
WHERE type = 'RELATIONSHIP_UNIQUENESS' AND properties = ['id']
RETURN labelsOrTypes[0] AS type
