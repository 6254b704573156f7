import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { requestIdFrom } from '../graphql/context';

/**
 * Settles each request's id first thing: the client's `X-Request-Id` when it looks like one, a fresh UUID
 * otherwise; returned as a response header on every answer, GraphQL or not.
 */
export const requestIdMiddleware: RequestHandler = (req, res, next) => {
  const requestId = requestIdFrom(req.headers['x-request-id']);
  // Written back so every later reader of the header (pino-http, the GraphQL context) sees this one id.
  req.headers['x-request-id'] = requestId;
  res.setHeader('X-Request-Id', requestId);
  next();
};

/** The id `requestIdMiddleware` settled for this request. */
export function settledRequestId(headers: IncomingHttpHeaders): string {
  return requestIdFrom(headers['x-request-id']);
}
