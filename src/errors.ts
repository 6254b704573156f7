import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { randomUUID } from 'node:crypto';
import type { Logger } from './logger';

/**
 * The stable error codes clients can rely on in `extensions.code`. Apollo's own codes
 * (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT…) pass through unchanged.
 */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  LimitExceeded = 'LIMIT_EXCEEDED',
  QueryTimeout = 'QUERY_TIMEOUT',
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  Conflict = 'CONFLICT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  QueryTooComplex = 'QUERY_TOO_COMPLEX',
  OperationNotSafelisted = 'OPERATION_NOT_SAFELISTED',
  InternalServerError = 'INTERNAL_SERVER_ERROR',
}

/** Base class of every error whose message is safe to show to a client. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadInputError extends AppError {
  constructor(argument: string, message: string) {
    super(ErrorCode.BadUserInput, `Argument "${argument}": ${message}`, { argumentName: argument });
  }
}

export class LimitExceededError extends AppError {
  constructor(argument: string, limit: number, message?: string) {
    super(ErrorCode.LimitExceeded, message ?? `Argument "${argument}" exceeds its maximum of ${limit}.`, {
      argumentName: argument,
      limit,
    });
  }
}

export class QueryTimeoutError extends AppError {
  constructor(timeoutMs: number) {
    super(ErrorCode.QueryTimeout, `The query ran longer than its ${timeoutMs} ms limit and was stopped. Narrow it down.`, {
      timeoutMs,
    });
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor() {
    super(ErrorCode.DatabaseUnavailable, 'The graph database is unavailable right now. Try again shortly.');
  }
}

/** Missing, malformed, expired or revoked credentials: HTTP 401 with a `WWW-Authenticate` challenge. */
export class UnauthenticatedError extends AppError {
  /** `invalidToken`: credentials were sent but are bad, so the challenge says `error="invalid_token"` (RFC 6750 §3.1). */
  constructor(message: string, options: { invalidToken?: boolean } = {}) {
    const challenge = `Bearer realm="geocoop-graph"${options.invalidToken ? ', error="invalid_token"' : ''}`;
    super(ErrorCode.Unauthenticated, message, {
      http: { status: 401, headers: new Map([['www-authenticate', challenge]]) },
    });
  }
}

/** Valid credentials without the role the operation needs: HTTP 403. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(ErrorCode.Forbidden, message, { http: { status: 403 } });
  }
}

/** A write that collides with what is stored: a stale version or a natural key already taken. */
export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.Conflict, message, extensions);
  }
}

/**
 * An operation over one of the limits of src/limits.ts `cost`, refused before it runs: names the limit, its
 * maximum and what the operation asked for. HTTP 400 (200 to clients that accept only application/json).
 */
export class QueryTooComplexError extends AppError {
  constructor(limit: string, maximum: number, requested: number, message: string) {
    super(ErrorCode.QueryTooComplex, message, { limit, maximum, requested, http: { status: 400 } });
  }
}

/** Safelist mode: the operation is not in the manifest of accepted operations. HTTP 400 (200 to application/json-only clients). */
export class OperationNotSafelistedError extends AppError {
  constructor() {
    super(
      ErrorCode.OperationNotSafelisted,
      'This server runs only the operations in its safelist, and this one is not among them. Send one of the listed operations (or ask the operator to add yours).',
      { http: { status: 400 } },
    );
  }
}

/**
 * Neo4j 5.26 and neo4j-driver 6 codes, as logged while Neo4j was stopped under reads and writes
 * (tests/integration/faultsUnderWrites.test.ts). `Neo.TransientError.General.DatabaseUnavailable` comes from a
 * database that is shutting down or still starting; the driver treats it as unavailability too (it is the third
 * code of its own `isAvailabilityError`), and it still arrives once the runner has spent its retries.
 */
const NEO4J_UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
/**
 * When a socket breaks mid-statement the driver may report its connection error (these messages come from
 * neo4j-driver-bolt-connection's node channel) under the code `ProtocolError`; other ProtocolErrors are our
 * bugs (a node passed as a parameter) and stay internal.
 */
const BROKEN_CONNECTION_MESSAGE = /^(Failed to connect to server|Connection was closed by server|Connection lost\. Server didn't respond|Failed to establish connection in)/;
/** The transaction outlived its timeout: always a timeout. */
const NEO4J_TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);
/**
 * The transaction was terminated: by its timeout (a statement waiting on a lock gets LockClientStopped, not
 * TransactionTimedOut), by an operator, or by a database shutting down. Only the time spent tells which.
 */
const NEO4J_TERMINATED_CODES = new Set(['Neo.ClientError.Transaction.LockClientStopped', 'Neo.ClientError.Transaction.Terminated']);

/**
 * Translates a failure thrown by neo4j-driver into one of our typed errors (or returns it unchanged).
 * `elapsedMs` (how long the transaction had run when it failed) tells a transaction terminated by its
 * `timeoutMs` (QUERY_TIMEOUT) from one terminated early by a stopping database (DATABASE_UNAVAILABLE);
 * without it a termination counts as the timeout.
 */
export function fromNeo4jError(error: unknown, timeoutMs: number, elapsedMs?: number): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String((error as { message?: unknown } | null)?.message ?? '');
  if (typeof code !== 'string') {
    if (error instanceof Error && /connect|ECONNREFUSED|Pool is closed/i.test(message)) return new DatabaseUnavailableError();
    return error;
  }
  if (NEO4J_UNAVAILABLE_CODES.has(code)) return new DatabaseUnavailableError();
  if (code === 'ProtocolError' && BROKEN_CONNECTION_MESSAGE.test(message)) return new DatabaseUnavailableError();
  if (NEO4J_TIMEOUT_CODES.has(code)) return new QueryTimeoutError(timeoutMs);
  if (NEO4J_TERMINATED_CODES.has(code)) {
    return elapsedMs === undefined || elapsedMs >= timeoutMs ? new QueryTimeoutError(timeoutMs) : new DatabaseUnavailableError();
  }
  return error;
}

/**
 * Apollo's formatError: typed errors and GraphQL's own request errors pass through; anything else is
 * masked behind an error id that is logged with the real cause. Stack traces never leave the server.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return { ...formatted, extensions: withoutStacktrace(original.extensions) };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== ErrorCode.InternalServerError) {
      return { ...formatted, extensions: withoutStacktrace(formatted.extensions) };
    }
    // Apollo's own request errors without a code (`provided sha does not match query`, an unsupported persisted
    // query version) carry a 4xx status: they are about the request, so the client may read them.
    if (original instanceof GraphQLError && isClientStatus(original.extensions.http)) {
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    const errorId = randomUUID();
    logger.error({ err: original, errorId, path: formatted.path }, 'unexpected error while resolving');
    return {
      message: `Internal server error (error id ${errorId}).`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.InternalServerError, errorId },
    };
  };
}

function isClientStatus(http: unknown): boolean {
  const status = (http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function withoutStacktrace(extensions: Record<string, unknown> | undefined): Record<string, unknown> {
  // `http` (status and headers for Apollo) is for the response head, not the body.
  const { stacktrace: _dropped, http: _head, ...rest } = extensions ?? {};
  return rest;
}
