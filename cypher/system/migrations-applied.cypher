// The ids of the schema migrations already applied to this database.
MATCH (m:SchemaMigration)
RETURN m.id AS id, m.checksum AS checksum
ORDER BY m.id
