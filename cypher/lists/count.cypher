// How many entities a root list holds under the same filters as its pages (src/data/lists.ts fills `match` and
// `where` from the same fragments, without the seek and the sort-key predicate).
{{match}}
WHERE {{where}}
RETURN count(n) AS total
