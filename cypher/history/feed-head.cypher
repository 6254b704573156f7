// The sequence number of the newest change (0 before any write): response caches compare it to drop stale answers.
OPTIONAL MATCH (log:ChangeLog {id: 'changes'})
RETURN coalesce(log.sequence, 0) AS sequence
