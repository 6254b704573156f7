// Deletes one relationship by type and stored id.
MATCH (:Entity)-[r:{{type}} {id: $id}]->(:Entity)
DELETE r
