import { QueryTimeoutError } from '../errors';

/**
 * One time budget for a whole GraphQL operation: every statement of the operation draws on it, so aliases or
 * many fields cannot multiply it. The operation's read transaction gets the time that is left when it opens.
 */
export class Deadline {
  readonly at: number;

  constructor(readonly budgetMs: number, now = Date.now()) {
    this.at = now + budgetMs;
  }

  remainingMs(now = Date.now()): number {
    return Math.max(0, this.at - now);
  }

  /** Throws QUERY_TIMEOUT when the budget is spent, before any more work is sent to Neo4j. */
  check(now = Date.now()): number {
    const remaining = this.remainingMs(now);
    if (remaining <= 0) throw new QueryTimeoutError(this.budgetMs);
    return remaining;
  }
}
