// One page of a root list, composed by src/data/lists.ts. Slots: `match` is the label alone or the anchor
// fragment of one relationship filter; `where` joins the predicates of the filters this request uses, the
// keyset seek from its cursor and the sort key's IS NOT NULL (which lets the planner read the sort index in
// order); `sortKey` and `direction` come from the allow-list of stored sort keys. Filters a request does not
// use are not in the statement at all, so the planner sees exactly the ones it must serve. `projection` is
// prefetch/entity for `n`: the entity, with the relationship pages its query selects read ahead.
{{match}}
WHERE {{where}}
RETURN {{projection}} AS entity, n.{{sortKey}} AS position
ORDER BY n.{{sortKey}} {{direction}}
LIMIT $limit
