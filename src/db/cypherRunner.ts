import type { Driver, ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { fromNeo4jError } from '../errors';
import type { Logger } from '../logger';
import type { CypherLibrary } from './cypherLibrary';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Runs named statements inside a transaction that the caller already holds. */
export interface TransactionRunner {
  run(name: string, params?: Params): Promise<Row[]>;
}

/**
 * The only place that talks to Neo4j: named Cypher from the library, run in managed transactions with a
 * timeout, results as plain rows, driver failures mapped to our error codes.
 */
export class CypherRunner {
  private executed = 0;

  constructor(
    private readonly driver: Driver,
    private readonly library: CypherLibrary,
    private readonly database: string,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {}

  /** How many statements this runner has sent to Neo4j: lets tests bound round trips per operation. */
  get statementsExecuted(): number {
    return this.executed;
  }

  read(name: string, params: Params = {}, timeoutMs = this.timeoutMs): Promise<Row[]> {
    return this.inTransaction('READ', timeoutMs, (tx) => tx.run(name, params));
  }

  write(name: string, params: Params = {}): Promise<Row[]> {
    return this.inTransaction('WRITE', this.timeoutMs, (tx) => tx.run(name, params));
  }

  /**
   * Runs each statement of a script in its own transaction: schema commands cannot share a transaction
   * with each other's data writes, and every statement of a migration is idempotent (IF NOT EXISTS).
   */
  async writeScript(name: string): Promise<void> {
    for (const statement of this.library.statementsOf(name)) {
      const session = this.driver.session({ database: this.database, defaultAccessMode: 'WRITE' });
      try {
        this.executed += 1;
        await session.executeWrite((tx) => tx.run(statement), { timeout: 60_000 });
      } catch (error) {
        throw fromNeo4jError(error, 60_000);
      } finally {
        await session.close();
      }
    }
  }

  /** Several named statements in one write transaction: all are committed or none is. */
  writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    return this.inTransaction('WRITE', timeoutMs, work);
  }

  private async inTransaction<T>(
    mode: 'READ' | 'WRITE',
    timeoutMs: number,
    work: (tx: TransactionRunner) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode === 'READ' ? 'READ' : 'WRITE' });
    const config = { timeout: timeoutMs, metadata: { app: 'geocoop-graph' } };
    const started = Date.now();
    try {
      const body = (tx: ManagedTransaction) => work(this.transactionRunner(tx));
      return await (mode === 'READ' ? session.executeRead(body, config) : session.executeWrite(body, config));
    } catch (error) {
      this.logger.debug({ err: error, ms: Date.now() - started }, 'cypher transaction failed');
      throw fromNeo4jError(error, timeoutMs);
    } finally {
      await session.close();
    }
  }

  private transactionRunner(tx: ManagedTransaction): TransactionRunner {
    return {
      run: async (name, params = {}) => {
        const text = this.library.get(name);
        this.executed += 1;
        const started = Date.now();
        const result = await tx.run(text, params);
        this.logger.debug({ cypher: name, ms: Date.now() - started, rows: result.records.length }, 'cypher');
        return result.records.map(toRow);
      },
    };
  }
}

function toRow(record: Neo4jRecord): Row {
  return record.toObject() as Row;
}
