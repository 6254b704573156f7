import fs from 'node:fs';

/** Stops the run's Neo4j and removes its data, whether the tests passed or not. */
export default async function globalTeardown(): Promise<void> {
  const handle = globalThis.__GEOCOOP_TEST_NEO4J__;
  if (!handle) return;
  await handle.neo4j.stop();
  fs.rmSync(handle.dataDir, { recursive: true, force: true });
  globalThis.__GEOCOOP_TEST_NEO4J__ = undefined;
}
