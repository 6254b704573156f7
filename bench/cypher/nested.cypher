// nested: a country, its first 10 headquartered organizations, their first 5 projects (with the role of the
// participation), and those projects' first 5 themes, every level in name order (sortName: folded name, then
// key). One statement: each level is a COLLECT subquery whose ORDER BY … LIMIT is a top-k over that node's
// relationships only.
MATCH (c:Country {key: $code})
RETURN c.key AS code, c.name AS name, COLLECT {
  MATCH (c)<-[:HEADQUARTERED_IN]-(o:Organization)
  WITH o ORDER BY o.sortName LIMIT 10
  RETURN {key: o.key, name: o.name, projects: COLLECT {
    MATCH (o)-[r:PARTICIPATES_IN]->(p:Project)
    WITH r, p ORDER BY p.sortName LIMIT 5
    RETURN {role: r.role, key: p.key, name: p.name, themes: COLLECT {
      MATCH (p)-[:HAS_THEME]->(t:Theme)
      WITH t ORDER BY t.sortName LIMIT 5
      RETURN {key: t.key, name: t.name} AS theme
    }} AS project
  }} AS organization
} AS organizations
