import neo4j, { type Driver } from 'neo4j-driver';
import type { Logger } from '../logger';
import { LIMITS } from '../limits';

export interface DriverOptions {
  uri: string;
  user: string;
  password: string;
}

/**
 * The one driver of the process. Retries are short on purpose: when Neo4j is down a request should fail
 * fast with DATABASE_UNAVAILABLE rather than hang for the driver's default 30 s of retries (the runner's own
 * retries, src/db/cypherRunner.ts, keep the same window from the registry).
 */
export function createDriver(options: DriverOptions, logger: Logger): Driver {
  const auth = options.password ? neo4j.auth.basic(options.user, options.password) : undefined;
  return neo4j.driver(options.uri, auth, {
    disableLosslessIntegers: true,
    maxTransactionRetryTime: LIMITS.database.retryWindowMs,
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 5_000,
    maxConnectionPoolSize: 50,
    userAgent: 'geocoop-graph',
    logging: {
      level: 'warn',
      logger: (level, message) => logger[level === 'error' ? 'error' : 'warn']({ neo4jDriver: message }, 'neo4j driver'),
    },
  });
}
