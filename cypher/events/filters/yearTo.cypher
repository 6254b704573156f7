n.year <= $yearTo
