import type { RunningServer } from '../../src/server';
import { startTestServer } from '../helpers/testServer';

/**
 * Transactions that fail transiently are retried by the runner itself (src/db/cypherRunner.ts), inside the
 * transaction's one time budget: a deadlock's loser is run again and commits, and a transaction left waiting
 * past its budget ends with QUERY_TIMEOUT.
 */
describe('write transactions that fail transiently', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Two transactions that each lock one entity, wait for the other to hold its own, then lock the other's. */
  function deadlock(budgetMs: number) {
    const runner = server.database.cypher;
    let attempts = 0;
    let holding = 0;
    let release!: () => void;
    const bothHoldOne = new Promise<void>((resolve) => (release = resolve));
    const lockBoth = (first: string, second: string) =>
      runner.writeTransaction(async (tx) => {
        attempts += 1;
        await tx.run('writes/lock-entity', { uid: first });
        holding += 1;
        if (holding === 2) release();
        await bothHoldOne;
        await tx.run('writes/lock-entity', { uid: second });
        return first;
      }, budgetMs);
    return { writes: [lockBoth('Organization:cgs', 'Organization:ccop'), lockBoth('Organization:ccop', 'Organization:cgs')], attempts: () => attempts };
  }

  it('runs the loser of a deadlock again, so both commit within the budget', async () => {
    const started = Date.now();
    const { writes, attempts } = deadlock(10_000);
    expect(await Promise.all(writes)).toEqual(['Organization:cgs', 'Organization:ccop']);
    expect(attempts()).toBe(3);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('gives up with QUERY_TIMEOUT once its one budget is spent waiting for a lock another transaction holds', async () => {
    const session = server.database.driver.session();
    const holder = session.beginTransaction();
    try {
      await holder.run(server.database.library.get('writes/lock-entity'), { uid: 'Organization:cgs' });
      const started = Date.now();
      const blocked = server.database.cypher.writeTransaction((tx) => tx.run('writes/lock-entity', { uid: 'Organization:cgs' }), 800);
      await expect(blocked).rejects.toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' } });
      expect(Date.now() - started).toBeLessThan(800 + 2_000);
    } finally {
      await holder.rollback();
      await session.close();
    }
  });
});
