n.confidenceRank >= $minConfidence
