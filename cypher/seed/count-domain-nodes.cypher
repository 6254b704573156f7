// How many nodes of the seeded source exist: zero means an empty database that needs seeding.
MATCH (s:Source)
RETURN count(s) AS sources
