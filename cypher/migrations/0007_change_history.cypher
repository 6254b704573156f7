// Change history (src/writes/history.ts): one (:Change) per change, numbered by the single (:ChangeLog)
// counter, whose lock also orders concurrent writes. Looked up by target (history of an entity or
// relationship, newest first) and by sequence (the `changes` feed).
CREATE CONSTRAINT change_log_id IF NOT EXISTS FOR (n:ChangeLog) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT change_sequence IF NOT EXISTS FOR (n:Change) REQUIRE n.sequence IS UNIQUE;
CREATE INDEX change_target_sequence IF NOT EXISTS FOR (n:Change) ON (n.targetUid, n.sequence);
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
// Readers filter by the best confidence of a fact's provenance (`minConfidence`).
CREATE INDEX organization_confidence IF NOT EXISTS FOR (n:Organization) ON (n.confidenceRank);
