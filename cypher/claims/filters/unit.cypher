n.unit = $unit
