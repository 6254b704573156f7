// One relationship page of the entity `parent`, read inside the statement that reads the entity: the same
// pattern, order, position and per-parent limit as relationships/page.cypher, with the other end projected
// by prefetch/entity (which may read further pages ahead). Variables are numbered per nesting level.
COLLECT {
  MATCH ({{parent}}){{pattern}}({{other}}:{{label}})
  WITH {{rel}}, {{other}}, {{position}} AS {{positionVar}}
  ORDER BY {{positionVar}} {{direction}}
  LIMIT {{limit}}
  RETURN {id: {{rel}}.id, type: type({{rel}}), outgoing: startNode({{rel}}) = {{parent}}, relProps: properties({{rel}}), position: {{positionVar}}, other: {{projection}}}
}
