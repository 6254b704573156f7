import neo4j, { type Driver } from 'neo4j-driver';
import type { Logger } from '../logger';

export interface DriverOptions {
  uri: string;
  user: string;
  password: string;
}

/**
 * The one driver of the process. Retries are short on purpose: when Neo4j is down a request should fail
 * fast with DATABASE_UNAVAILABLE rather than hang for the driver's default 30 s of retries.
 */
export function createDriver(options: DriverOptions, logger: Logger): Driver {
  const auth = options.password ? neo4j.auth.basic(options.user, options.password) : undefined;
  return neo4j.driver(options.uri, auth, {
    disableLosslessIntegers: true,
    maxTransactionRetryTime: 2_000,
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
