// One relationship page of the entity `parent`, read inside the statement that reads the entity: the same
// pattern, order, position and per-parent limit as relationships/page.cypher, with the other end projected
// by prefetch/entity (which may read further pages ahead). Variables are numbered per nesting level. The order
// is by the sort key and the relationship id as two keys; the position string is made for the kept rows only.
// Each row is a list, not a map (no key names to send and decode per row): [id, relationship properties,
// position, other end, type, outgoing]. Whatever the query does not read is null: the id and position where no
// edge id or cursor is selected, the properties where no edge property is, the type and direction where the
// field fixes them (src/data/prefetch.ts, readAheadRow).
COLLECT {
  MATCH ({{parent}}){{pattern}}({{other}}:{{label}})
  WITH {{rel}}, {{other}}
  ORDER BY {{order}}
  LIMIT {{limit}}
  WITH {{rel}}, {{other}}, {{position}} AS {{positionVar}}
  RETURN [{{id}}, {{relProps}}, {{positionVar}}, {{projection}}, {{type}}, {{outgoing}}]
}
