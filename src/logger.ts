import pino, { type Logger } from 'pino';
import type { AppConfig } from './config';

export type { Logger };

/** Credentials in request or response headers never reach a log line (pino-http logs the headers). */
const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

/** One logging channel for the process: JSON lines on stdout (pino), level from configuration. */
export function createLogger(config: Pick<AppConfig, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino({ level: config.logLevel, base: { service: 'geocoop-graph' }, redact: REDACTED_PATHS }, destination);
}
