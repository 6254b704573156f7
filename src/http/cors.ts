import cors from 'cors';
import type { RequestHandler } from 'express';
import type { CorsConfig } from '../config';

/** What a browser on an allowed origin may send to /graphql, and read back. */
const METHODS = ['GET', 'POST', 'OPTIONS'];
const ALLOWED_HEADERS = ['content-type', 'authorization', 'apollo-require-preflight', 'x-request-id'];
const EXPOSED_HEADERS = ['x-request-id'];
/** Browsers cache a preflight answer this long (seconds), so an allowed dashboard does not preflight every call. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for /graphql (the `cors` package): origins on the allow-list get `Access-Control-Allow-Origin` (their own
 * origin, never `*`), credentials only when configured; any other origin gets no CORS header, so its browser
 * refuses to hand it the answer. Preflights (OPTIONS) are answered here with 204.
 */
export function createCorsMiddleware(config: CorsConfig): RequestHandler {
  const allowed = new Set(config.origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: METHODS,
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: config.credentials,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  });
}
