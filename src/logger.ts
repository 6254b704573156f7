import pino, { type Logger } from 'pino';
import type { AppConfig } from './config';

export type { Logger };

/** One logging channel for the process: JSON lines on stdout (pino), level from configuration. */
export function createLogger(config: Pick<AppConfig, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'geocoop-graph' } });
}
