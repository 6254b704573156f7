import { Router } from 'express';
import type { Driver } from 'neo4j-driver';

/**
 * `/health`: the process is alive. `/ready`: Neo4j answers — the check a load balancer or orchestrator uses
 * before sending traffic (503 otherwise). Migrations need no check here: the server only starts listening
 * once they are applied.
 */
export function createHealthRouter(driver: Driver, probeTimeoutMs = 2_000): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    try {
      await withTimeout(driver.getServerInfo(), probeTimeoutMs);
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'Neo4j is not reachable' });
    }
  });
  return router;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]);
}
