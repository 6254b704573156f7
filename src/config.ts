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

const TRACES_EXPORTERS = ['otlp', 'console', 'none'] as const;
const OTLP_PROTOCOLS = ['http/protobuf', 'http/json', 'grpc'] as const;

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
  API_KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  JWT_ISSUER: optionalString,
  JWT_AUDIENCE: optionalString,
  JWT_JWKS_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  JWT_JWKS_FILE: optionalString,
  JWT_ROLES_CLAIM: z.string().min(1).default('roles'),
  JWT_ALGORITHMS: optionalString,
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
  CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
  RESPONSE_CACHE: booleanFlag.default(true),
  RESPONSE_CACHE_MAX_MB: z.coerce.number().int().min(1).max(4096).default(64),
  CHANGE_FEED_POLL_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
  OPERATIONS_SAFELIST: optionalString,
  // OpenTelemetry's standard variables (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/):
  // the ones that decide whether tracing runs and where spans go are checked here; the SDK reads the rest itself.
  OTEL_SDK_DISABLED: booleanFlag.optional(),
  OTEL_TRACES_EXPORTER: optionalString.pipe(z.enum(TRACES_EXPORTERS).optional()),
  OTEL_EXPORTER_OTLP_PROTOCOL: optionalString.pipe(z.enum(OTLP_PROTOCOLS).optional()),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: optionalString.pipe(z.enum(OTLP_PROTOCOLS).optional()),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OTEL_SERVICE_NAME: optionalString,
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(0).max(600_000).default(5000),
});

/** Asymmetric signatures only: a shared-secret HMAC would let anyone holding the JWKS mint tokens, and `none` signs nothing. */
export const JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];
const DEFAULT_JWT_ALGORITHMS: JwtAlgorithm[] = ['RS256', 'ES256', 'EdDSA'];

export interface JwtConfig {
  issuer: string;
  audience: string;
  /** Where the verification keys come from: a JWKS served at a URL, or a JWKS file. */
  jwks: { url: string } | { file: string };
  /** The claim holding `editor` / `admin` (a string or an array of strings). */
  rolesClaim: string;
  algorithms: JwtAlgorithm[];
}

export interface AuthConfig {
  /** How long a verified API key is trusted without reading it again: a revocation takes effect within this time. */
  apiKeyCacheTtlMs: number;
  /** Unset: JWTs are not accepted (API keys still are). */
  jwt?: JwtConfig;
}

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

/** Cache hints, the response cache and APQ (src/graphql/cache*.ts). */
export interface CachingConfig {
  /** The default `maxAge` of every field (Apollo's cache-control); 0 makes nothing cacheable. */
  maxAgeSeconds: number;
  /** The in-process cache of whole answers to anonymous queries. */
  responseCache: boolean;
  responseCacheMaxBytes: number;
  /** How often the change feed's head is read, to drop cached answers after a write by another process (0: never). */
  feedPollMs: number;
}

/** Safelist mode: only the operations of our own pages' manifest and of the operator's file run. */
export interface SafelistConfig {
  /** Built by `npm run build:web` from the explorer's and GraphiQL's operations. */
  builtManifest: string;
  /** The operator's own manifest (same format), from OPERATIONS_SAFELIST. */
  operatorManifest: string;
}

/** OpenTelemetry traces (src/telemetry/): where the spans of HTTP requests, GraphQL operations and Cypher statements go. */
export interface TracingConfig {
  exporter: 'otlp' | 'console';
  protocol: (typeof OTLP_PROTOCOLS)[number];
  /** The full URL spans are sent to (for HTTP protocols, the `/v1/traces` one). */
  endpoint: string;
  serviceName: string;
  /** How long the batch span processor gathers spans before it sends them. */
  scheduleDelayMs: number;
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
  auth: AuthConfig;
  cost: CostLimits;
  cors: CorsConfig;
  caching: CachingConfig;
  /** Unset: any operation within the limits runs. */
  safelist?: SafelistConfig;
  /** Unset (the default): no span is made and no OpenTelemetry module is loaded. */
  tracing?: TracingConfig;
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
    auth: { apiKeyCacheTtlMs: e.API_KEY_CACHE_TTL_MS, jwt: jwtConfigFrom(e, rootDir) },
    cost: {
      maxCost: e.QUERY_MAX_COST,
      maxDepth: e.QUERY_MAX_DEPTH,
      maxAliases: e.QUERY_MAX_ALIASES,
      maxRootFields: e.QUERY_MAX_ROOT_FIELDS,
      maxDirectives: e.QUERY_MAX_DIRECTIVES,
      mutationField: e.MUTATION_FIELD_COST,
    },
    cors: { origins: e.CORS_ORIGINS, credentials: e.CORS_CREDENTIALS },
    caching: {
      maxAgeSeconds: e.CACHE_MAX_AGE_SECONDS,
      responseCache: e.RESPONSE_CACHE,
      responseCacheMaxBytes: e.RESPONSE_CACHE_MAX_MB * 1024 * 1024,
      feedPollMs: e.CHANGE_FEED_POLL_MS,
    },
    safelist:
      e.OPERATIONS_SAFELIST === undefined
        ? undefined
        : { builtManifest: path.join(rootDir, 'dist', 'safelist', 'operations.json'), operatorManifest: path.resolve(rootDir, e.OPERATIONS_SAFELIST) },
    tracing: tracingConfigFrom(e),
    rootDir,
  };
}

/** JWT settings come as a set: all of issuer, audience and one JWKS source, or none of them (JWT off). */
function jwtConfigFrom(e: z.infer<typeof environmentSchema>, rootDir: string): JwtConfig | undefined {
  const given = [e.JWT_ISSUER, e.JWT_AUDIENCE, e.JWT_JWKS_URL, e.JWT_JWKS_FILE].some((value) => value !== undefined);
  if (!given) return undefined;
  if (e.JWT_ISSUER === undefined || e.JWT_AUDIENCE === undefined) {
    throw new ConfigError('Invalid configuration: JWT needs both JWT_ISSUER and JWT_AUDIENCE (or neither, to turn JWT off).');
  }
  if ((e.JWT_JWKS_URL === undefined) === (e.JWT_JWKS_FILE === undefined)) {
    throw new ConfigError('Invalid configuration: JWT needs exactly one of JWT_JWKS_URL and JWT_JWKS_FILE.');
  }
  const algorithms = e.JWT_ALGORITHMS === undefined ? DEFAULT_JWT_ALGORITHMS : e.JWT_ALGORITHMS.split(',').map((name) => name.trim());
  const refused = algorithms.find((name) => !(JWT_ALGORITHMS as readonly string[]).includes(name));
  if (refused !== undefined) {
    throw new ConfigError(`Invalid configuration: JWT_ALGORITHMS lists ${JSON.stringify(refused)} — expected some of ${JWT_ALGORITHMS.join(', ')}.`);
  }
  return {
    issuer: e.JWT_ISSUER,
    audience: e.JWT_AUDIENCE,
    jwks: e.JWT_JWKS_URL !== undefined ? { url: e.JWT_JWKS_URL } : { file: path.resolve(rootDir, e.JWT_JWKS_FILE!) },
    rolesClaim: e.JWT_ROLES_CLAIM,
    algorithms: algorithms as JwtAlgorithm[],
  };
}

/**
 * Tracing is off unless asked for: OTEL_TRACES_EXPORTER=otlp (or console), or OTEL_SDK_DISABLED=false with the
 * standard default exporter (otlp). OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none keep it off.
 */
function tracingConfigFrom(e: z.infer<typeof environmentSchema>): TracingConfig | undefined {
  if (e.OTEL_SDK_DISABLED === true || e.OTEL_TRACES_EXPORTER === 'none') return undefined;
  if (e.OTEL_TRACES_EXPORTER === undefined && e.OTEL_SDK_DISABLED !== false) return undefined;
  const protocol = e.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? e.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf';
  return {
    exporter: e.OTEL_TRACES_EXPORTER ?? 'otlp',
    protocol,
    endpoint: tracesEndpoint(protocol, e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, e.OTEL_EXPORTER_OTLP_ENDPOINT),
    serviceName: e.OTEL_SERVICE_NAME ?? 'geocoop-graph',
    scheduleDelayMs: e.OTEL_BSP_SCHEDULE_DELAY,
  };
}

/**
 * As the OTLP exporter specification says: the traces endpoint is used as given; the general one is a base to which
 * HTTP protocols add `v1/traces` (gRPC takes it as it is).
 */
function tracesEndpoint(protocol: TracingConfig['protocol'], traces: string | undefined, base: string | undefined): string {
  if (traces !== undefined) return traces;
  if (protocol === 'grpc') return base ?? 'http://localhost:4317';
  return `${(base ?? 'http://localhost:4318').replace(/\/+$/, '')}/v1/traces`;
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
