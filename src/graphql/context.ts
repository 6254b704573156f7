import { randomUUID } from 'node:crypto';
import type { CypherRunner, OperationReader } from '../db/cypherRunner';
import { createLoaders, type Loaders } from '../data/loaders';
import type { Logger } from '../logger';
import { Deadline } from './deadline';

import { ANONYMOUS, type Principal, type Viewer } from '../auth/viewer';
import type { Writer } from '../writes/writer';

/**
 * What every resolver receives, built once per HTTP request: who asks, the operation's one deadline, a logger
 * carrying the request id, the operation's reader (one read transaction) and its batching loaders. No
 * configuration or credentials: what a resolver may read is decided here, not by reaching into settings.
 */
export interface RequestContext {
  requestId: string;
  viewer: Viewer;
  deadline: Deadline;
  logger: Logger;
  cypher: OperationReader;
  loaders: Loaders;
  /**
   * Runs one write transaction as `principal` (a mutation field: all or nothing), within the operation's
   * deadline, then renews the loaders so what the payload reads is what was just written.
   */
  write<T>(principal: Principal, work: (writer: Writer) => Promise<T>): Promise<T>;
}

export interface ContextOptions {
  runner: CypherRunner;
  logger: Logger;
  /** The operation's time budget (QUERY_TIMEOUT_MS). */
  budgetMs: number;
  /** A client-sent `X-Request-Id` is kept when it looks like one; otherwise a fresh UUID. */
  requestId?: string;
  /** Who sent the request, from its credentials (src/auth); anonymous when it sent none. */
  viewer?: Viewer;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

export function createRequestContext(options: ContextOptions): RequestContext {
  const requestId = options.requestId ?? randomUUID();
  const deadline = new Deadline(options.budgetMs);
  const logger = options.logger.child({ requestId });
  const { runner } = options;
  const cypher = runner.forOperation({ requestId, deadline, logger });
  const context: RequestContext = {
    requestId,
    viewer: options.viewer ?? ANONYMOUS,
    deadline,
    logger,
    cypher,
    loaders: createLoaders(cypher),
    async write(principal, work) {
      const result = await runner.writeTransaction(
        (tx) => work({ tx, library: runner.library, principal, at: new Date() }),
        deadline.check(),
        { requestId, principal: principal.id },
      );
      context.loaders = createLoaders(cypher);
      return result;
    },
  };
  return context;
}
