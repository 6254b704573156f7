// Changes are written pending, with an id, and numbered after their commit (cypher/history/sequence-pending.cypher):
// the id finds a change before it has its sequence number.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
