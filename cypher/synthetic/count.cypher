// How many synthetic nodes the database holds (the :Synthetic label has its own label scan).
MATCH (n:Synthetic)
RETURN count(n) AS nodes
