// Marks a schema migration as applied, once.
MERGE (m:SchemaMigration {id: $id})
ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime()
RETURN m.id AS id
