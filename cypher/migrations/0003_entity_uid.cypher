// Every domain node also carries the :Entity label and a graph-wide `uid` ("Label:key"): node(id) lookups
// and loaders find any entity through this one unique index, whatever its kind.
CREATE CONSTRAINT entity_uid IF NOT EXISTS FOR (n:Entity) REQUIRE n.uid IS UNIQUE;
