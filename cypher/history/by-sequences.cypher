// Changes by their sequence numbers (for `node(id:)` and `revertOf`).
UNWIND $sequences AS sequence
MATCH (c:Change {sequence: sequence})
RETURN c {.*, at: toString(c.at)} AS change
