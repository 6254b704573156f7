// Region.themes: the themes of the projects and programmes aimed at this region or at a region inside it
// (PART_OF_REGION, at most three levels: M49 is world → region → sub-region → intermediate region), each once,
// by name. The region is found by its unique uid; the walk is bounded by the small M49 tree.
MATCH (region:Region {uid: $uid})
MATCH (region)<-[:PART_OF_REGION*0..3]-(:Region)<-[:TARGETS]-(:Project)-[:HAS_THEME]->(theme:Theme)
WITH DISTINCT theme
ORDER BY theme.sortName
LIMIT toInteger($limit)
RETURN {labels: labels(theme), props: properties(theme)} AS theme
