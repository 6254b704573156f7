// Index-backed order and keyset seeks: every list sorts on a stored, folded, unique sort key (written by
// src/graph/storedProperties.ts), so page 1 and the page after position 10,000 both seek in the index.
CREATE INDEX source_sort_name IF NOT EXISTS FOR (n:Source) ON (n.sortName);
CREATE INDEX country_sort_name IF NOT EXISTS FOR (n:Country) ON (n.sortName);
CREATE INDEX region_sort_name IF NOT EXISTS FOR (n:Region) ON (n.sortName);
CREATE INDEX organization_sort_name IF NOT EXISTS FOR (n:Organization) ON (n.sortName);
CREATE INDEX agreement_sort_name IF NOT EXISTS FOR (n:Agreement) ON (n.sortName);
CREATE INDEX project_sort_name IF NOT EXISTS FOR (n:Project) ON (n.sortName);
CREATE INDEX theme_sort_name IF NOT EXISTS FOR (n:Theme) ON (n.sortName);
CREATE INDEX person_sort_name IF NOT EXISTS FOR (n:Person) ON (n.sortName);
CREATE INDEX position_sort_name IF NOT EXISTS FOR (n:Position) ON (n.sortName);
CREATE INDEX event_sort_name IF NOT EXISTS FOR (n:Event) ON (n.sortName);
CREATE INDEX training_program_sort_name IF NOT EXISTS FOR (n:TrainingProgram) ON (n.sortName);
CREATE INDEX claim_sort_name IF NOT EXISTS FOR (n:Claim) ON (n.sortName);
CREATE INDEX organization_sort_acronym IF NOT EXISTS FOR (n:Organization) ON (n.sortAcronym);
CREATE INDEX organization_sort_founded_year IF NOT EXISTS FOR (n:Organization) ON (n.sortFoundedYear);
CREATE INDEX event_sort_year IF NOT EXISTS FOR (n:Event) ON (n.sortYear);
// Organization kind with name order: a filtered list seeks on the kind and reads names in index order.
CREATE INDEX organization_kind_sort_name IF NOT EXISTS FOR (n:Organization) ON (n.kind, n.sortName);
// Organization references by acronym (case-insensitive through the folded acronymKey).
CREATE INDEX organization_acronym_key IF NOT EXISTS FOR (n:Organization) ON (n.acronymKey);
// Stable relationship ids (src/graph/storedProperties.ts relationshipId): unique per type, found by relationship(id:).
CREATE CONSTRAINT rel_part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_headquartered_in_id IF NOT EXISTS FOR ()-[r:HEADQUARTERED_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_in_region_id IF NOT EXISTS FOR ()-[r:IN_REGION]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_part_of_region_id IF NOT EXISTS FOR ()-[r:PART_OF_REGION]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_holds_id IF NOT EXISTS FOR ()-[r:HOLDS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_affiliated_with_id IF NOT EXISTS FOR ()-[r:AFFILIATED_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_position_in_id IF NOT EXISTS FOR ()-[r:POSITION_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_held_by_staff_of_id IF NOT EXISTS FOR ()-[r:HELD_BY_STAFF_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_organized_id IF NOT EXISTS FOR ()-[r:ORGANIZED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_in_series_of_id IF NOT EXISTS FOR ()-[r:IN_SERIES_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_held_in_id IF NOT EXISTS FOR ()-[r:HELD_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_participates_in_id IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_targets_id IF NOT EXISTS FOR ()-[r:TARGETS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_has_theme_id IF NOT EXISTS FOR ()-[r:HAS_THEME]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_party_to_id IF NOT EXISTS FOR ()-[r:PARTY_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_provides_id IF NOT EXISTS FOR ()-[r:PROVIDES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_trainees_from_id IF NOT EXISTS FOR ()-[r:TRAINEES_FROM]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_about_id IF NOT EXISTS FOR ()-[r:ABOUT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_scoped_to_id IF NOT EXISTS FOR ()-[r:SCOPED_TO]-() REQUIRE r.id IS UNIQUE;
CALL db.awaitIndexes(300);
