n.completeness = $completeness
