// How many API keys exist, revoked ones included.
MATCH (k:ApiKey)
RETURN count(k) AS total
