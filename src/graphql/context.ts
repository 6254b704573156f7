import { randomUUID } from 'node:crypto';
import type { CypherRunner, OperationReader } from '../db/cypherRunner';
import { createLoaders, type Loaders } from '../data/loaders';
import type { Logger } from '../logger';
import { Deadline } from './deadline';

import { ANONYMOUS, type Viewer } from '../auth/viewer';

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
  const cypher = options.runner.forOperation({ requestId, deadline, logger });
  return { requestId, viewer: options.viewer ?? ANONYMOUS, deadline, logger, cypher, loaders: createLoaders(cypher) };
}
