// After a bulk write: resample every index and wait for it, then clear the query caches, so that the next
// plans are made on the graph's real counts. Background sampling would get there too, but later, and on a
// busy machine after the first plans are already cached on an index's empty-store statistics.
CALL db.prepareForReplanning($timeoutSeconds)
