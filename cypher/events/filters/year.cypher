n.year = $year
