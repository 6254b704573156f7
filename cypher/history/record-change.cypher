// Appends one change to the history, numbered by the (:ChangeLog) counter. The counter's write lock is held
// until the transaction commits, so sequence numbers follow commit order and the feed has no gaps.
MERGE (log:ChangeLog {id: 'changes'})
  ON CREATE SET log.sequence = 0
SET log.sequence = log.sequence + 1
CREATE (c:Change {
  sequence: log.sequence,
  at: datetime($at),
  principalId: $principalId,
  principalName: $principalName,
  operation: $operation,
  targetUid: $targetUid,
  targetKind: $targetKind,
  targetLabel: $targetLabel,
  changes: $changes,
  provenance: $provenance,
  revertOf: $revertOf,
  versionAfter: $versionAfter,
  versionBefore: $versionBefore,
  fromUid: $fromUid,
  toUid: $toUid,
  batch: $batch
})
RETURN c.sequence AS sequence
