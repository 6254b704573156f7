// One relationship page of the entity `parent`, read inside the statement that reads the entity: the same
// pattern, order, position and per-parent limit as relationships/page.cypher, with the other end projected
// by prefetch/entity (which may read further pages ahead). Variables are numbered per nesting level. The order
// is by the sort key and the relationship id as two keys; the position string is made for the kept rows only,
// and only when cursors are selected (else `position` is null). `type` and `outgoing` are entries ending in a
// comma, empty when the field fixes them.
COLLECT {
  MATCH ({{parent}}){{pattern}}({{other}}:{{label}})
  WITH {{rel}}, {{other}}
  ORDER BY {{order}}
  LIMIT {{limit}}
  WITH {{rel}}, {{other}}, {{position}} AS {{positionVar}}
  RETURN {id: {{rel}}.id, {{type}}{{outgoing}}relProps: {{relProps}}, position: {{positionVar}}, other: {{projection}}}
}
