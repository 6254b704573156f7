// search(): one full-text index over the text of every entity. `standard-folding` is the standard analyzer
// plus ASCII folding, so "Ünesco" and "unesco" match alike. Fulltext indexes update in the writing
// transaction (not eventually consistent), so seeded data is searchable at once.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.acronym, n.aliasesText, n.officialName, n.sourceLabel, n.description, n.statement, n.title]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
// lookup(): a text (trigram) index behind `lookupText CONTAINS $name`.
CREATE TEXT INDEX entity_lookup_text IF NOT EXISTS FOR (n:Entity) ON (n.lookupText);
// On a database that already holds data the indexes populate in the background: wait until they are online,
// so that the first search does not fail on an index that is still populating.
CALL db.awaitIndexes(300);
