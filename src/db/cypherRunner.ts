import { isRetryableError, type Driver, type Record as Neo4jRecord, type Session, type Transaction } from 'neo4j-driver';
import { LIMITS } from '../limits';
import { fromNeo4jError } from '../errors';
import type { Deadline } from '../graphql/deadline';
import type { Logger } from '../logger';
import type { CypherLibrary } from './cypherLibrary';
import type { StatementObservers } from './statementObserver';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Runs named statements inside a transaction that the caller already holds. */
export interface TransactionRunner {
  run(name: string, params?: Params): Promise<Row[]>;
  /** A statement composed from named fragments of cypher/; `name` says which, for logs and observers. */
  runComposed(name: string, text: string, params?: Params): Promise<Row[]>;
  /**
   * Work to do once this transaction has committed (not after a rollback, not for an attempt that was retried),
   * before `writeTransaction` resolves. A job that fails is logged and does not fail the committed write.
   */
  afterCommit(job: AfterCommitJob): void;
}

export type AfterCommitJob = (runner: CypherRunner) => Promise<void>;

/** What the data-access layer reads through: a named statement (or a composed one, see `runText`) and its rows. */
export interface CypherReader {
  /** The named Cypher the reader runs (composition needs to look fragments up). */
  readonly library: CypherLibrary;
  read(name: string, params?: Params): Promise<Row[]>;
  /** The template `name` of cypher/ with its slots filled (see CypherLibrary.compose), run with `params`. */
  readTemplate(name: string, slots: Record<string, string>, params?: Params): Promise<Row[]>;
}

/**
 * The only place that talks to Neo4j: named Cypher from the library, run in transactions with a timeout
 * (retried on transient failures within it), results as plain rows, driver failures mapped to our error codes.
 */
export class CypherRunner implements CypherReader {
  constructor(
    private readonly driver: Driver,
    readonly library: CypherLibrary,
    readonly database: string,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
    readonly observers: StatementObservers,
  ) {}

  /** A reader for one GraphQL operation: one read transaction for all its statements, bounded by its deadline. */
  forOperation(scope: OperationScope): OperationReader {
    return new OperationReader(this.driver, this.library, this.database, this.observers, scope);
  }

  readTemplate(name: string, slots: Record<string, string>, params: Params = {}, timeoutMs = this.timeoutMs): Promise<Row[]> {
    const text = this.library.compose(name, slots);
    return this.inTransaction('READ', timeoutMs, (tx) => tx.runComposed(name, text, params));
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
        const started = Date.now();
        await session.executeWrite((tx) => tx.run(statement), { timeout: 60_000 });
        this.observers.notify({ name, ms: Date.now() - started, rows: 0 });
      } catch (error) {
        throw fromNeo4jError(error, 60_000);
      } finally {
        await session.close();
      }
    }
  }

  /**
   * One statement in an auto-commit transaction: Neo4j commits it as soon as it has run, without waiting for
   * this process to send COMMIT, so a lock the statement takes is held for the statement and its commit only —
   * never across a round trip through a busy event loop. Not retried (its callers can leave the work for later).
   */
  async autoCommit(name: string, params: Params = {}, timeoutMs = this.timeoutMs): Promise<Row[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'WRITE' });
    const started = Date.now();
    try {
      const result = await session.run(this.library.get(name), params, { timeout: timeoutMs, metadata: { app: 'geocoop-graph' } });
      const ms = Date.now() - started;
      this.observers.notify({ name, ms, rows: result.records.length });
      return result.records.map(toRow);
    } catch (error) {
      throw fromNeo4jError(error, timeoutMs, Date.now() - started);
    } finally {
      await session.close();
    }
  }

  /** Several named statements in one write transaction: all are committed or none is; then its after-commit jobs. */
  async writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>, timeoutMs = this.timeoutMs, metadata: Record<string, string> = {}): Promise<T> {
    const attempt: { jobs: AfterCommitJob[] } = { jobs: [] };
    const result = await this.inTransaction('WRITE', timeoutMs, work, metadata, attempt);
    for (const job of attempt.jobs) {
      await job(this).catch((error: unknown) => this.logger.warn({ err: error }, 'after-commit work failed'));
    }
    return result;
  }

  /**
   * `work` in one transaction, retried on a transient failure as the driver's executeRead/executeWrite would
   * retry it, but within ONE time budget: each attempt's transaction timeout is what is left of `timeoutMs`,
   * and no attempt starts once that is spent or the retry window has passed (managed transactions would give
   * every attempt the whole timeout again).
   */
  private async inTransaction<T>(
    mode: 'READ' | 'WRITE',
    timeoutMs: number,
    work: (tx: TransactionRunner) => Promise<T>,
    metadata: Record<string, string> = {},
    attempt: { jobs: AfterCommitJob[] } = { jobs: [] },
  ): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode === 'READ' ? 'READ' : 'WRITE' });
    const started = Date.now();
    const deadline = started + timeoutMs;
    // As the driver counts it: the retry window opens at the first failure (a long import batch that meets a
    // deadlock late is still retried), and no attempt starts past the budget.
    let lastRetryAt: number | undefined;
    let waitMs = LIMITS.database.retryFirstWaitMs;
    try {
      for (;;) {
        const tx = session.beginTransaction({ timeout: Math.max(1, deadline - Date.now()), metadata: { app: 'geocoop-graph', ...metadata } });
        // A retried attempt starts over: only the jobs of the attempt that committed run.
        attempt.jobs = [];
        try {
          const result = await work(this.transactionRunner(tx, attempt.jobs));
          await withoutCallSite(() => tx.commit());
          return result;
        } catch (error) {
          if (tx.isOpen()) await tx.rollback().catch(() => undefined);
          const wait = waitMs * (0.8 + Math.random() * 0.4);
          lastRetryAt ??= Math.min(deadline, Date.now() + LIMITS.database.retryWindowMs);
          if (!isRetryableError(error) || Date.now() + wait >= lastRetryAt) throw error;
          this.logger.debug({ err: error, waitMs: Math.round(wait) }, 'retrying a transaction that failed transiently');
          await new Promise((resolve) => setTimeout(resolve, wait));
          waitMs *= 2;
        }
      }
    } catch (error) {
      const ms = Date.now() - started;
      this.logger.debug({ err: error, ms }, 'cypher transaction failed');
      throw fromNeo4jError(error, timeoutMs, ms);
    } finally {
      await session.close();
    }
  }

  private transactionRunner(tx: Pick<Transaction, 'run'>, jobs: AfterCommitJob[]): TransactionRunner {
    const runComposed = async (name: string, text: string, params: Params = {}) => {
      const started = Date.now();
      const result = await withoutCallSite(() => tx.run(text, params));
      const ms = Date.now() - started;
      this.logger.debug({ cypher: name, ms, rows: result.records.length }, 'cypher');
      this.observers.notify({ name, ms, rows: result.records.length });
      return result.records.map(toRow);
    };
    return { runComposed, run: (name, params = {}) => runComposed(name, this.library.get(name), params), afterCommit: (job) => jobs.push(job) };
  }
}

/** Who an operation's statements belong to: Neo4j sees the request id and operation name as transaction metadata. */
export interface OperationScope {
  requestId: string;
  operationName?: string;
  deadline: Deadline;
  logger: Logger;
}

/**
 * The reads of one GraphQL operation. The first statement opens one read transaction (with the time left on
 * the operation's deadline as its timeout); every later statement of the operation runs in it, so the whole
 * answer reads one transaction and pays for one session. `close()` (at the end of the request) commits it.
 * A failed statement discards the transaction; a later one opens a fresh one if time is left.
 */
export class OperationReader implements CypherReader {
  private session?: Session;
  private transaction?: Transaction;

  constructor(
    private readonly driver: Driver,
    readonly library: CypherLibrary,
    private readonly database: string,
    private readonly observers: StatementObservers,
    private readonly scope: OperationScope,
  ) {}

  set operationName(name: string | undefined) {
    this.scope.operationName = name;
  }

  read(name: string, params: Params = {}): Promise<Row[]> {
    return this.run(name, this.library.get(name), params);
  }

  readTemplate(name: string, slots: Record<string, string>, params: Params = {}): Promise<Row[]> {
    return this.run(name, this.library.compose(name, slots), params);
  }

  private async run(name: string, text: string, params: Params): Promise<Row[]> {
    const tx = this.openTransaction();
    const started = Date.now();
    try {
      const result = await withoutCallSite(() => tx.run(text, params));
      const ms = Date.now() - started;
      const rows = result.records.map(toRow);
      this.scope.logger.debug({ cypher: name, ms, rows: rows.length }, 'cypher');
      this.observers.notify({ name, ms, rows: rows.length, requestId: this.scope.requestId, operationName: this.scope.operationName });
      return rows;
    } catch (error) {
      this.scope.logger.debug({ err: error, cypher: name, ms: Date.now() - started }, 'cypher statement failed');
      await this.discard();
      const { deadline } = this.scope;
      throw fromNeo4jError(error, deadline.budgetMs, deadline.budgetMs - deadline.remainingMs());
    }
  }

  /**
   * Ends the operation's transaction (a read: commit and rollback are the same) and returns its session.
   * Never rejects, so callers may leave it running after the answer is sent.
   */
  async close(): Promise<void> {
    const { session, transaction } = this;
    this.session = undefined;
    this.transaction = undefined;
    try {
      if (transaction?.isOpen()) await withoutCallSite(() => transaction.commit());
      await session?.close();
    } catch (error) {
      this.scope.logger.debug({ err: error }, 'closing the operation transaction failed');
      await session?.close().catch(() => undefined);
    }
  }

  private openTransaction(): Transaction {
    if (this.transaction?.isOpen()) return this.transaction;
    const timeout = this.scope.deadline.check();
    this.session ??= this.driver.session({ database: this.database, defaultAccessMode: 'READ' });
    this.transaction = this.session.beginTransaction({
      timeout,
      metadata: { app: 'geocoop-graph', requestId: this.scope.requestId, operationName: this.scope.operationName ?? null },
    });
    return this.transaction;
  }

  private async discard(): Promise<void> {
    const transaction = this.transaction;
    this.transaction = undefined;
    try {
      if (transaction?.isOpen()) await transaction.rollback();
    } catch {
      // Already failed on the server; nothing to undo for a read.
    }
  }
}

/**
 * Driver calls (run, commit) without the driver's capture of the caller's stack for a failure it may report
 * later: formatting that stack is about a tenth of a millisecond of every call, and the call site is always
 * this module, which says nothing (failures are mapped by fromNeo4jError and logged with the statement's name).
 */
function withoutCallSite<T>(call: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return call();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function toRow(record: Neo4jRecord): Row {
  return record.toObject() as Row;
}
