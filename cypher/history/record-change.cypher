// Appends one change to the history, pending: history/sequence-pending numbers it right after the commit, so no
// write transaction holds the one (:ChangeLog) lock while it waits for its client to send COMMIT. `order` is
// Neo4j's clock read after this transaction has locked what the change is about: a change that had to wait for
// another transaction's locks sorts after that transaction's changes.
CREATE (c:Change:PendingChange {
  id: $id,
  order: datetime.realtime(),
  step: $step,
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
RETURN c.id AS id
