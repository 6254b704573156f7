// lookup: one organization by its key (unique-constraint index) with its headquarters country.
// The country is read in the same statement by a COLLECT subquery; an organization has one headquarters, the
// name order only makes the pick deterministic should the data ever hold two.
MATCH (o:Organization {key: $key})
RETURN o.key AS key, o.name AS name, o.acronym AS acronym,
       head(COLLECT {
         MATCH (o)-[:HEADQUARTERED_IN]->(c:Country)
         RETURN {key: c.key, name: c.name} AS country ORDER BY c.sortName
       }) AS country
