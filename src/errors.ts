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

const NEO4J_UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
const NEO4J_TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/** Translates a failure thrown by neo4j-driver into one of our typed errors (or returns it unchanged). */
export function fromNeo4jError(error: unknown, timeoutMs: number): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') {
    if (error instanceof Error && /connect|ECONNREFUSED|Pool is closed/i.test(error.message)) {
      return new DatabaseUnavailableError();
    }
    return error;
  }
  if (NEO4J_UNAVAILABLE_CODES.has(code)) return new DatabaseUnavailableError();
  if (NEO4J_TIMEOUT_CODES.has(code)) return new QueryTimeoutError(timeoutMs);
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
