// search(): the source's own words for an entity (a region's `sourceLabels` such as "America", a programme's
// `partnerTypeLabels` such as "research institutes") are held in the derived `labelsText` and searched like
// aliases. A full-text index's properties cannot be altered, so the index is dropped and created again.
DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.acronym, n.aliasesText, n.labelsText, n.officialName, n.sourceLabel, n.description, n.statement, n.title]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CALL db.awaitIndexes(300);
