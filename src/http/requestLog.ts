import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';
import { settledRequestId } from './requestId';

/** Probes and scrapes come every few seconds and say nothing about clients: not logged. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * One JSON line per HTTP request (pino-http) carrying the request id `requestIdMiddleware` settled, as every
 * line logged while resolving does (the GraphQL context's logger is a child with the same id).
 */
export function createRequestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage) => settledRequestId(req.headers),
    customAttributeKeys: { reqId: 'requestId' },
    // Binds `requestId` at the top of every line (pino-http otherwise leaves it inside `req`).
    quietReqLogger: true,
    autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
    // 4xx are the client's mistakes, answered with a code: not warnings of ours.
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
  }) as unknown as RequestHandler;
}
