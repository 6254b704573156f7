// Numbers every committed pending change, in `order`, and answers the sequence numbers of the changes $ids. Run in
// an auto-commit transaction of its own (CypherRunner.autoCommit) after each write: the (:ChangeLog) lock, taken
// first, is held for this statement and its commit only. Changes read after the lock are all those committed
// before it, and numbering transactions follow one another, so numbers are unique, without gaps, and a change
// is in the feed only once every lower number is.
MERGE (log:ChangeLog {id: 'changes'})
  ON CREATE SET log.sequence = 0
SET log.numberedAt = datetime.realtime()
WITH log
CALL {
  WITH log
  MATCH (pending:PendingChange)
  WITH pending ORDER BY pending.order, pending.step, pending.id
  RETURN collect(pending) AS pending
}
WITH log, pending, log.sequence AS base
SET log.sequence = base + size(pending)
WITH base, pending
CALL {
  WITH base, pending
  UNWIND range(0, size(pending) - 1) AS i
  WITH pending[i] AS change, base + 1 + i AS sequence
  SET change.sequence = sequence
  REMOVE change:PendingChange
  RETURN count(*) AS numbered
}
MATCH (c:Change)
WHERE c.id IN $ids
RETURN c.id AS id, c.sequence AS sequence
