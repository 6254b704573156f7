n.year >= $yearFrom
