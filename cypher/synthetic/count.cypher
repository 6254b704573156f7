// How many synthetic nodes the database holds (the :Synthetic label has its own label scan), and how many of
// its Country nodes are not synthetic: synthetic countries are keyed by real ISO codes (Country:CN), so a
// database with real countries (the seed's) is never one to write a synthetic graph into.
MATCH (n:Synthetic)
WITH count(n) AS nodes
RETURN nodes, COUNT { MATCH (c:Country) WHERE NOT c:Synthetic } AS realCountries
