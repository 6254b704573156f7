/**
 * The one registry of limits and defaults. The SDL descriptions (through `{{limit:…}}` placeholders filled in
 * by src/graphql/typeDefs.ts), the argument checks and the runtime all read these numbers; none is written twice.
 */
export interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

export const LIMITS = {
  /** Root lists (`organizations`, `countries` …): `first` / `last`. */
  page: { min: 0, max: 100, default: 20 },
  /** Relationship connections on an entity (`memberCountries`, `projects` …): `first` / `last`. */
  relationshipPage: { min: 0, max: 100, default: 20 },
  /** The generic `Entity.relationships` connection. */
  relationshipsPage: { min: 0, max: 100, default: 50 },
  /** `nodes(ids:)`. */
  nodesPerRequest: 100,
  traversal: {
    depth: { min: 1, max: 3, default: 1 },
    neighbourhoodNodes: { min: 1, max: 500, default: 100 },
    /** Relationships one breadth-first step may look at, so a hub with a million relationships is never read whole. */
    stepScan: 5_000,
    /** Edges returned among the nodes of one neighbourhood. */
    subgraphEdges: 2_500,
    /** Also the hard bound written in cypher/traversal/*-path*.cypher. */
    pathLength: { min: 1, max: 8, default: 6 },
    connectionLength: { min: 1, max: 8, default: 4 },
    allShortestPaths: { min: 1, max: 100, default: 20 },
    connectionPaths: { min: 1, max: 50, default: 10 },
    /** Qualifier values longer than this are shortened in `Path.text` (the full value is in `qualifiers`). */
    textQualifier: 40,
  },
  search: {
    first: { min: 1, max: 50, default: 10 },
    results: 200,
    scan: 1_000,
    queryLength: 200,
    queryWords: 20,
    lookupResults: 50,
  },
  analytics: {
    groups: { min: 1, max: 500, default: 100 },
    ranked: { min: 1, max: 100, default: 10 },
    eventsPerYear: { min: 0, max: 100, default: 20 },
    networkLinks: { min: 1, max: 1_000, default: 100 },
    itemsPerLink: { min: 0, max: 50, default: 5 },
  },
  write: {
    /** Names, titles, labels, acronyms, list items: one line. */
    maxNameLength: 300,
    /** Descriptions, notes, statements, quotes, URLs. */
    maxTextLength: 5_000,
    maxListItems: 50,
    /** `history` on an entity or relationship, and the root `changes` feed: `first`. */
    historyPage: { min: 1, max: 100, default: 20 },
    /** Relationships one cascading delete may remove. */
    cascadeRelationships: 1_000,
  },
  auth: {
    /** `apiKeys(first:)`. */
    apiKeysPage: { min: 0, max: 100, default: 20 },
    /** The name given to an API key (characters). */
    apiKeyName: 100,
  },
  database: {
    /**
     * How long a transaction that failed transiently (a deadlock, a leader switch, a lost connection) is
     * retried after its first failure, at most, and never past its own time budget: short, so that a request fails fast with
     * DATABASE_UNAVAILABLE while Neo4j is down instead of waiting through the driver's default 30 s.
     */
    retryWindowMs: 2_000,
    /** The first wait before a retry; each later one doubles, with ±20 % jitter. */
    retryFirstWaitMs: 50,
  },
  request: {
    /** Apollo's parser stops at this many tokens (parseOptions.maxTokens). */
    maxTokens: 5_000,
    maxRecursiveSelections: 2_000,
    maxBodyBytes: 100 * 1024,
  },
  export: {
    /** `?depth=` around the `?ids=` of a subgraph export (0: the entities themselves and the edges among them). */
    depth: { min: 0, max: 3, default: 1 },
    /** `?ids=` of one subgraph export. */
    ids: 50,
    /** Entities one subgraph export may hold; a larger one is LIMIT_EXCEEDED, never silently cut. */
    subgraphNodes: 5_000,
    /** Relationships one breadth-first step of a subgraph export may look at (as traversal.stepScan). */
    stepScan: 50_000,
    /** Rows one keyset page of an export reads, so memory stays flat whatever the graph's size. */
    batch: 1_000,
    /** Time one export statement may take; the property survey scans a label or type whole. */
    statementMs: 60_000,
    /** Export downloads one server streams at once; more wait for none and get LIMIT_EXCEEDED (HTTP 429). */
    concurrentDownloads: 2,
  },
  import: {
    /** Records one import transaction writes (one `UNWIND` per statement, one history entry per batch). */
    batch: 2_000,
    /** Bytes of one line of an import file (JSON Lines record or CSV line); a longer line is refused, never buffered whole. */
    maxLineBytes: 1024 * 1024,
    /** Bytes of one `POST /import` body (HTTP 413 beyond). */
    maxBodyBytes: 64 * 1024 * 1024,
    /** Problems one report lists; an import with more says how many it left out. */
    reportProblems: 1_000,
    /** Time one import batch may take. */
    batchMs: 120_000,
  },
  /**
   * What one operation may ask for, checked before any Cypher runs (src/graphql/cost*.ts); each is configurable
   * (src/config.ts). The cost counts every object the answer can hold: a list with a size argument multiplies
   * what it selects by that size (its default above when none is given).
   */
  cost: {
    /** The most the cost of one operation may be (QUERY_MAX_COST). */
    maxCost: 5_000,
    /** The deepest chain of nested fields, the leaf included (QUERY_MAX_DEPTH). */
    maxDepth: 20,
    /** Aliased fields in one operation, counted through its fragments (QUERY_MAX_ALIASES). */
    maxAliases: 30,
    /** Fields at the root of one operation (QUERY_MAX_ROOT_FIELDS). */
    maxRootFields: 20,
    /** Directive uses in one operation, counted through its fragments (QUERY_MAX_DIRECTIVES). */
    maxDirectives: 50,
    /** What one mutation field costs before what it selects (MUTATION_FIELD_COST). */
    mutationField: 10,
  },
} as const;

/** Reads a dotted path of the registry (`page.max`), for the SDL placeholders. Unknown paths are a start-up error. */
export function limitAt(path: string): number {
  const value = registryEntryAt(path);
  if (typeof value !== 'number') throw new Error(`No limit "${path}" in src/limits.ts.`);
  return value;
}

/** Whatever the registry holds at a dotted path (a number, a Bounds, a section), or undefined. */
export function registryEntryAt(path: string): unknown {
  let value: unknown = LIMITS;
  for (const part of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}
