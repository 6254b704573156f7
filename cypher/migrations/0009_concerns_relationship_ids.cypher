// CONCERNS (Organization / Event → Theme), added after 0005: its stable relationship ids are unique like every
// other type's.
CREATE CONSTRAINT rel_concerns_id IF NOT EXISTS FOR ()-[r:CONCERNS]-() REQUIRE r.id IS UNIQUE;
