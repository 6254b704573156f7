import { GraphQLError } from 'graphql';
import pino from 'pino';
import { createErrorFormatter, DatabaseUnavailableError, ErrorCode, fromNeo4jError, QueryTimeoutError } from '../../src/errors';

const silentLogger = pino({ level: 'silent' });

describe('error mapping', () => {
  it('maps an unreachable Neo4j to DATABASE_UNAVAILABLE', () => {
    expect(fromNeo4jError({ code: 'ServiceUnavailable', message: 'x' }, 1000)).toBeInstanceOf(DatabaseUnavailableError);
    expect(fromNeo4jError({ code: 'SessionExpired', message: 'x' }, 1000)).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('maps a Neo4j transaction timeout to QUERY_TIMEOUT with the limit', () => {
    const mapped = fromNeo4jError({ code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' }, 5000);
    expect(mapped).toBeInstanceOf(QueryTimeoutError);
    expect((mapped as QueryTimeoutError).extensions).toMatchObject({ code: ErrorCode.QueryTimeout, timeoutMs: 5000 });
  });

  it('maps a database that is stopping or starting to DATABASE_UNAVAILABLE', () => {
    const stopping = { code: 'Neo.TransientError.General.DatabaseUnavailable', message: 'The database is not currently available to serve your request' };
    expect(fromNeo4jError(stopping, 1000)).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('maps a connection that broke mid-statement, reported as ProtocolError, to DATABASE_UNAVAILABLE', () => {
    const broken = { code: 'ProtocolError', message: 'Failed to connect to server. Please ensure that your database is listening on the correct host and port. Caused by: read ECONNRESET' };
    expect(fromNeo4jError(broken, 1000)).toBeInstanceOf(DatabaseUnavailableError);
    expect(fromNeo4jError({ code: 'ProtocolError', message: 'Connection was closed by server' }, 1000)).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('leaves a ProtocolError that is not about the connection alone', () => {
    const bug = { code: 'ProtocolError', message: 'It is not allowed to pass nodes in query parameters, given: (n)' };
    expect(fromNeo4jError(bug, 1000)).toBe(bug);
  });

  it('maps a transaction terminated by its timeout while waiting for a lock to QUERY_TIMEOUT', () => {
    const mapped = fromNeo4jError({ code: 'Neo.ClientError.Transaction.LockClientStopped' }, 1500, 2100);
    expect(mapped).toBeInstanceOf(QueryTimeoutError);
    expect((mapped as QueryTimeoutError).extensions).toMatchObject({ code: ErrorCode.QueryTimeout, timeoutMs: 1500 });
    expect(fromNeo4jError({ code: 'Neo.ClientError.Transaction.Terminated' }, 1500, 1500)).toBeInstanceOf(QueryTimeoutError);
  });

  it('maps a transaction terminated before its timeout (a stopping database) to DATABASE_UNAVAILABLE', () => {
    expect(fromNeo4jError({ code: 'Neo.ClientError.Transaction.LockClientStopped' }, 10_000, 300)).toBeInstanceOf(DatabaseUnavailableError);
    expect(fromNeo4jError({ code: 'Neo.ClientError.Transaction.Terminated' }, 10_000, 300)).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('counts a termination without a known duration as the timeout', () => {
    expect(fromNeo4jError({ code: 'Neo.ClientError.Transaction.LockClientStopped' }, 1500)).toBeInstanceOf(QueryTimeoutError);
  });

  it('leaves other errors alone', () => {
    const other = { code: 'Neo.ClientError.Statement.SyntaxError' };
    expect(fromNeo4jError(other, 1000)).toBe(other);
  });
});

describe('formatError', () => {
  const format = createErrorFormatter(silentLogger);

  it('masks unexpected errors behind an error id, without message or stack trace', () => {
    const original = new Error('secret detail of the database');
    const formatted = format({ message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, original);
    expect(formatted.message).not.toContain('secret');
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String) });
  });

  it('lets typed errors through with their code', () => {
    const error = new DatabaseUnavailableError();
    const formatted = format({ message: error.message, extensions: { code: 'DATABASE_UNAVAILABLE', stacktrace: ['at x'] } }, error);
    expect(formatted.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
  });

  it("keeps GraphQL's own request errors (validation, parse) as they are, minus any stack trace", () => {
    const error = new GraphQLError('Unknown argument', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const formatted = format({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['x'] } }, error);
    expect(formatted).toEqual({ message: 'Unknown argument', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });
});
