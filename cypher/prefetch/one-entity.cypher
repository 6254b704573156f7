// One entity with the relationship pages its query selects read ahead (prefetch/entity): the whole answer of
// a root field in one statement. `match` finds the entity: prefetch/match-uid or organizations/match-acronym.
{{match}}
RETURN {{projection}} AS entity
