// search(): names in other languages than English (the `names` fact, e.g. 中国地质调查局 tagged zh-Hans, and a
// legacy `nameZh`) are held in the derived `namesText` and searched like aliases. The standard analyzer splits
// Han characters into one token each, so a Chinese name is found by its characters. A full-text index's
// properties cannot be altered, so the index is dropped and created again.
DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.acronym, n.aliasesText, n.labelsText, n.namesText, n.officialName, n.sourceLabel, n.description, n.statement, n.title]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
// Nodes written before `namesText` existed held a Chinese name only in `nameZh`: derive it once here, as
// src/graph/storedProperties.ts now does on every write (Han text has no case or accents to fold).
MATCH (n:Entity)
WHERE n.nameZh IS NOT NULL AND n.namesText IS NULL
SET n.namesText = n.nameZh,
    n.lookupText = coalesce(n.lookupText + ' | ', '') + toLower(trim(n.nameZh));
CALL db.awaitIndexes(300);
