n.kind = $sourceKind
