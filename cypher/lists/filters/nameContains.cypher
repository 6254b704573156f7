n.lookupText CONTAINS $nameContains
