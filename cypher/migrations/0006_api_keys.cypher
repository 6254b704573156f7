// API keys (src/auth/apiKeyStore.ts): found by their id, which is also the visible part of the token.
// They are :ApiKey only, never :Entity, so no entity read, search, count or traversal can reach them.
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
