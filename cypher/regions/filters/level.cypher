n.level = $level
