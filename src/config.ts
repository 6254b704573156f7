import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LIMITS } from './limits';

/** The process configuration, parsed once at start. Nothing else reads process.env. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value));

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  NEO4J_URI: optionalString.pipe(
    z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/, 'a neo4j:// or bolt:// URI')
      .optional(),
  ),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'a Neo4j database name').default('neo4j'),
  NEO4J_DATA_DIR: z.string().min(1).default('./data/neo4j'),
  NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_PAGECACHE_MB: z.coerce.number().int().min(16).max(16384).default(512),
  NEO4J_HEAP_MB: z.coerce.number().int().min(128).max(16384).default(1024),
  JAVA_HOME: optionalString,
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  GRAPHIQL_ENABLED: booleanFlag.optional(),
  SEED_ON_EMPTY: booleanFlag.default(true),
  QUERY_MAX_COST: z.coerce.number().int().min(1).default(LIMITS.cost.maxCost),
  QUERY_MAX_DEPTH: z.coerce.number().int().min(1).default(LIMITS.cost.maxDepth),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).default(LIMITS.cost.maxAliases),
  QUERY_MAX_ROOT_FIELDS: z.coerce.number().int().min(1).default(LIMITS.cost.maxRootFields),
  QUERY_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(LIMITS.cost.maxDirectives),
  MUTATION_FIELD_COST: z.coerce.number().int().min(0).default(LIMITS.cost.mutationField),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter((origin) => origin !== ''))
    .pipe(z.array(z.url({ protocol: /^https?$/ }).regex(/^[^/]+\/\/[^/]+$/, 'an origin without a path'))),
  CORS_CREDENTIALS: booleanFlag.default(false),
});

/** What one operation may ask for (defaults in src/limits.ts `cost`), checked before it runs. */
export interface CostLimits {
  maxCost: number;
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxDirectives: number;
  mutationField: number;
}

/** Which browser origins may call the API (CORS). */
export interface CorsConfig {
  /** Exact origins (`https://dash.example.org`); empty: no cross-origin browser calls. */
  origins: string[];
  /** Send `Access-Control-Allow-Credentials: true` (cookies, HTTP auth) to the allowed origins. */
  credentials: boolean;
}

export interface EmbeddedNeo4jConfig {
  dataDir: string;
  boltPort: number;
  pageCacheMb: number;
  heapMb: number;
  javaHome?: string;
  txTimeoutSeconds: number;
}

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  logLevel: (typeof LOG_LEVELS)[number];
  neo4j: {
    /** Unset: the server starts its own embedded Neo4j (see `embedded`). */
    uri?: string;
    user: string;
    password: string;
    database: string;
    embedded: EmbeddedNeo4jConfig;
  };
  queryTimeoutMs: number;
  graphiqlEnabled: boolean;
  seedOnEmpty: boolean;
  cost: CostLimits;
  cors: CorsConfig;
  /** Repository root: where `cypher/`, `schema/`, `seed/` and `dist/web` are read from. */
  rootDir: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, rootDir = repositoryRoot()): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0]);
    const got = env[variable];
    throw new ConfigError(
      `Invalid configuration: ${variable}=${JSON.stringify(got)} — expected ${describeExpectation(issue)}.`,
    );
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      embedded: {
        dataDir: path.resolve(rootDir, e.NEO4J_DATA_DIR),
        boltPort: e.NEO4J_BOLT_PORT,
        pageCacheMb: e.NEO4J_PAGECACHE_MB,
        heapMb: e.NEO4J_HEAP_MB,
        javaHome: e.JAVA_HOME,
        txTimeoutSeconds: Math.max(1, Math.ceil((e.QUERY_TIMEOUT_MS * 4) / 1000)),
      },
    },
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    graphiqlEnabled: e.GRAPHIQL_ENABLED ?? e.NODE_ENV !== 'production',
    seedOnEmpty: e.SEED_ON_EMPTY,
    cost: {
      maxCost: e.QUERY_MAX_COST,
      maxDepth: e.QUERY_MAX_DEPTH,
      maxAliases: e.QUERY_MAX_ALIASES,
      maxRootFields: e.QUERY_MAX_ROOT_FIELDS,
      maxDirectives: e.QUERY_MAX_DIRECTIVES,
      mutationField: e.MUTATION_FIELD_COST,
    },
    cors: { origins: e.CORS_ORIGINS, credentials: e.CORS_CREDENTIALS },
    rootDir,
  };
}

function describeExpectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `a number >= ${String(issue.minimum)}`;
    case 'too_big':
      return `a number <= ${String(issue.maximum)}`;
    case 'invalid_type':
      return issue.expected === 'number' ? 'a number' : `a ${issue.expected}`;
    default:
      return issue.message;
  }
}

/** The repository root: the folder holding cypher/ and schema/, from src/, dist/src/ or dist/bench/. */
export function repositoryRoot(): string {
  // Compiled code runs from dist/src, sources from src: the root is the folder holding cypher/ and schema/.
  let dir = __dirname;
  for (let i = 0; i < 4; i += 1) {
    if (fs.existsSync(path.join(dir, 'cypher')) && fs.existsSync(path.join(dir, 'schema'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}
