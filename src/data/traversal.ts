import type { CypherRunner, Params, Row } from '../db/cypherRunner';
import { AppError, BadInputError, ErrorCode, LimitExceededError, QueryTimeoutError } from '../errors';
import { isNodeLabel, isRelationshipType, type NodeLabel, type RelationshipType } from '../graph/vocabulary';
import { displayLabel, kindOf, labelFromKind, propertyPairs, storedProvenance, type PropertyPair, type StoredProvenance } from './entityView';
import { fromGlobalId, toGlobalId } from './globalId';
import { toEntityRecord, type EntityRecord } from './records';

/**
 * Graph walks: neighbourhoods for drawing, shortest paths and "how are X and Y connected". Every walk is
 * bounded on the server whatever the client asks: depth, node, edge and path caps, a cap on how many
 * relationships one breadth-first step may scan, and one time budget for all statements of an operation.
 */

export const MIN_DEPTH = 1;
export const MAX_DEPTH = 3;
export const DEFAULT_DEPTH = 1;
export const MAX_NEIGHBOURHOOD_NODES = 500;
export const DEFAULT_NEIGHBOURHOOD_NODES = 100;
/** Relationships one breadth-first step may look at, so a hub with a million relationships is never read whole. */
export const MAX_STEP_SCAN = 5_000;
/** Edges returned among the nodes of one neighbourhood. */
export const MAX_SUBGRAPH_EDGES = 2_500;
/** The longest path any path query may ask for; also the hard bound written in cypher/traversal/*-path*.cypher. */
export const MAX_PATH_LENGTH = 8;
export const DEFAULT_SHORTEST_PATH_LENGTH = 6;
export const DEFAULT_CONNECTION_LENGTH = 4;
export const MAX_ALL_SHORTEST_PATHS = 100;
export const DEFAULT_ALL_SHORTEST_PATHS = 20;
/** The most paths connection() returns. */
export const MAX_CONNECTION_PATHS = 50;
export const DEFAULT_CONNECTION_PATHS = 10;
/** Qualifier values longer than this are shortened in `Path.text` (the full value is in `qualifiers`). */
const MAX_TEXT_QUALIFIER = 40;

/** What the data layer needs to run a walk: the named-Cypher runner and the operation's time budget. */
export interface WalkContext {
  cypher: Pick<CypherRunner, 'read'>;
  /** Milliseconds all statements of one operation may take together. */
  timeoutMs: number;
}

// ---------------------------------------------------------------------------------------------------------
// Argument validation (no database): shared by traversal and search.

interface IntBounds {
  min: number;
  max: number;
  default: number;
}

/**
 * An integer argument within bounds: omitted or null takes the default; below the minimum is a BAD_USER_INPUT
 * error, above the maximum a LIMIT_EXCEEDED error, both naming the argument.
 */
export function boundedInt(argument: string, value: number | null | undefined, bounds: IntBounds): number {
  const chosen = value ?? bounds.default;
  if (!Number.isInteger(chosen)) throw new BadInputError(argument, `must be a whole number from ${bounds.min} to ${bounds.max}.`);
  if (chosen < bounds.min) throw new BadInputError(argument, `must be from ${bounds.min} to ${bounds.max} (got ${chosen}).`);
  if (chosen > bounds.max) {
    throw new LimitExceededError(argument, bounds.max, `Argument "${argument}" is ${chosen}, above its maximum of ${bounds.max}.`);
  }
  return chosen;
}

/** Relationship types from a request, checked against the allow-list; null (all types) when omitted. */
export function relationshipTypesArg(argument: string, types: readonly string[] | null | undefined): RelationshipType[] | null {
  if (types === null || types === undefined) return null;
  const unknown = types.find((type) => !isRelationshipType(type));
  if (unknown !== undefined) throw new BadInputError(argument, `"${unknown}" is not a relationship type.`);
  return [...new Set(types as RelationshipType[])];
}

/** EntityKind values from a request as node labels from the allow-list; null (all kinds) when omitted. */
export function kindsArg(argument: string, kinds: readonly string[] | null | undefined): NodeLabel[] | null {
  if (kinds === null || kinds === undefined) return null;
  return [
    ...new Set(
      kinds.map((kind) => {
        const label = labelFromKind(kind);
        if (!isNodeLabel(label)) throw new BadInputError(argument, `"${kind}" is not an entity kind.`);
        return label;
      }),
    ),
  ];
}

export interface NeighbourhoodArgs {
  id: string;
  depth?: number | null;
  relationshipTypes?: readonly string[] | null;
  kinds?: readonly string[] | null;
  limit?: number | null;
}

export interface NeighbourhoodRequest {
  uid: string;
  depth: number;
  types: RelationshipType[] | null;
  labels: NodeLabel[] | null;
  limit: number;
}

export function neighbourhoodRequest(args: NeighbourhoodArgs): NeighbourhoodRequest {
  return {
    uid: fromGlobalId(args.id, 'id').uid,
    depth: boundedInt('depth', args.depth, { min: MIN_DEPTH, max: MAX_DEPTH, default: DEFAULT_DEPTH }),
    types: relationshipTypesArg('relationshipTypes', args.relationshipTypes),
    labels: kindsArg('kinds', args.kinds),
    limit: boundedInt('limit', args.limit, { min: 1, max: MAX_NEIGHBOURHOOD_NODES, default: DEFAULT_NEIGHBOURHOOD_NODES }),
  };
}

export interface PathArgs {
  from: string;
  to: string;
  maxLength?: number | null;
  relationshipTypes?: readonly string[] | null;
  limit?: number | null;
}

export interface PathRequest {
  fromUid: string;
  toUid: string;
  maxLength: number;
  types: RelationshipType[] | null;
  limit: number;
}

export type PathQuery = 'shortestPath' | 'allShortestPaths' | 'connection';

const PATH_DEFAULTS: Record<PathQuery, { maxLength: number; limit: IntBounds }> = {
  shortestPath: { maxLength: DEFAULT_SHORTEST_PATH_LENGTH, limit: { min: 1, max: 1, default: 1 } },
  allShortestPaths: { maxLength: DEFAULT_SHORTEST_PATH_LENGTH, limit: { min: 1, max: MAX_ALL_SHORTEST_PATHS, default: DEFAULT_ALL_SHORTEST_PATHS } },
  connection: { maxLength: DEFAULT_CONNECTION_LENGTH, limit: { min: 1, max: MAX_CONNECTION_PATHS, default: DEFAULT_CONNECTION_PATHS } },
};

export function pathRequest(query: PathQuery, args: PathArgs): PathRequest {
  const defaults = PATH_DEFAULTS[query];
  return {
    fromUid: fromGlobalId(args.from, 'from').uid,
    toUid: fromGlobalId(args.to, 'to').uid,
    maxLength: boundedInt('maxLength', args.maxLength, { min: 1, max: MAX_PATH_LENGTH, default: defaults.maxLength }),
    types: relationshipTypesArg('relationshipTypes', args.relationshipTypes),
    limit: boundedInt('limit', args.limit, defaults.limit),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Results, shaped as the GraphQL types (default resolvers read them; nested entities are EntityRecords).

export interface GraphNodeResult {
  id: string;
  kind: string;
  label: string;
  entity: EntityRecord;
}

export interface GraphEdgeResult {
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  qualifiers: PropertyPair[];
  provenance: StoredProvenance[];
}

export interface SubgraphResult {
  center: EntityRecord;
  nodes: GraphNodeResult[];
  edges: GraphEdgeResult[];
  truncated: boolean;
}

export interface PathRelationshipResult {
  id: string;
  type: RelationshipType;
  direction: 'OUTGOING' | 'INCOMING';
  qualifiers: PropertyPair[];
  provenance: StoredProvenance[];
}

export interface PathResult {
  length: number;
  nodes: EntityRecord[];
  steps: Array<{ node: EntityRecord; relationship: PathRelationshipResult | null }>;
  text: string;
}

export interface ConnectionResult {
  from: EntityRecord;
  to: EntityRecord;
  paths: PathResult[];
  summary: string;
}

// ---------------------------------------------------------------------------------------------------------
// Walks.

/**
 * Breadth-first, one statement per distance: each step expands the frontier into entities not yet taken
 * (nearest first, kind-then-key order within a distance), scans at most MAX_STEP_SCAN relationships and
 * takes at most what the node cap leaves (plus one, to know whether the cap cut anything). Then one
 * statement reads the edges among the taken nodes.
 */
export async function neighbourhood(walk: WalkContext, request: NeighbourhoodRequest): Promise<SubgraphResult> {
  const budget = new TimeBudget(walk);
  const center = await endpoint(budget, request.uid, 'id');
  const taken: EntityRecord[] = [center];
  let frontier = [center.elementId];
  let truncated = false;

  for (let distance = 1; distance <= request.depth && frontier.length > 0; distance += 1) {
    const room = request.limit - taken.length;
    const rows = await budget.read('traversal/expand', {
      frontier,
      seen: taken.map((entity) => entity.elementId),
      types: request.types,
      labels: request.labels,
      scanLimit: MAX_STEP_SCAN,
      take: room + 1,
    });
    if (rows.some((row) => Number(row.scanned) >= MAX_STEP_SCAN)) truncated = true;
    if (rows.length > room) truncated = true;
    const reached = rows.slice(0, room).map((row) => toEntityRecord(row.entity));
    taken.push(...reached);
    frontier = reached.map((entity) => entity.elementId);
    if (taken.length >= request.limit) break;
  }

  const edgeRows = await budget.read('traversal/edges', {
    ids: taken.map((entity) => entity.elementId),
    types: request.types,
    limit: MAX_SUBGRAPH_EDGES + 1,
    scanPerNode: MAX_STEP_SCAN,
  });
  if (edgeRows.length > MAX_SUBGRAPH_EDGES || edgeRows.some((row) => row.capped === true)) truncated = true;

  return {
    center,
    nodes: taken.map(toGraphNode),
    edges: edgeRows.slice(0, MAX_SUBGRAPH_EDGES).map(toGraphEdge),
    truncated,
  };
}

/** One shortest path, or null when none of at most `maxLength` relationships exists. */
export async function shortestPath(walk: WalkContext, request: PathRequest): Promise<PathResult | null> {
  const budget = new TimeBudget(walk);
  const [from, to] = await endpoints(budget, request);
  if (from.elementId === to.elementId) return toPath([from], []);
  const [row] = await budget.read('traversal/shortest-path', pathParams(request));
  return row ? pathFromRow(row) : null;
}

/** All shortest paths (at most `limit`), empty when none of at most `maxLength` relationships exists. */
export async function allShortestPaths(walk: WalkContext, request: PathRequest): Promise<PathResult[]> {
  const budget = new TimeBudget(walk);
  const [from, to] = await endpoints(budget, request);
  if (from.elementId === to.elementId) return [toPath([from], [])];
  const rows = await budget.read('traversal/all-shortest-paths', { ...pathParams(request), limit: request.limit });
  return rows.map(pathFromRow).sort(byLengthThenText);
}

/**
 * "How are X and Y connected": all shortest paths (at most `limit`) and a summary sentence. Longer paths are
 * deliberately not searched: Neo4j 5.26's SHORTEST k search for them took seconds around hubs of many
 * thousand relationships and did not stop at the transaction timeout, while allShortestPaths stays fast.
 */
export async function connection(walk: WalkContext, request: PathRequest): Promise<ConnectionResult> {
  const budget = new TimeBudget(walk);
  const [from, to] = await endpoints(budget, request);
  if (from.elementId === to.elementId) {
    return { from, to, paths: [toPath([from], [])], summary: `${shortName(from)} and ${shortName(to)} are the same entity.` };
  }
  const rows = await budget.read('traversal/all-shortest-paths', { ...pathParams(request), limit: request.limit + 1 });
  const more = rows.length > request.limit;
  const paths = rows.slice(0, request.limit).map(pathFromRow).sort(byLengthThenText);
  return { from, to, paths, summary: connectionSummary(from, to, paths, more, request.maxLength) };
}

function pathParams(request: PathRequest): Params {
  return { from: request.fromUid, to: request.toUid, maxLength: request.maxLength, types: request.types };
}

// ---------------------------------------------------------------------------------------------------------
// Shaping.

function toGraphNode(entity: EntityRecord): GraphNodeResult {
  return { id: toGlobalId(entity.uid), kind: kindOf(entity.label), label: displayLabel(entity), entity };
}

function toGraphEdge(row: Row): GraphEdgeResult {
  const props = (row.props ?? {}) as Record<string, unknown>;
  return {
    id: toGlobalId(`rel:${String(row.id)}`),
    type: row.type as RelationshipType,
    source: toGlobalId(String(row.source)),
    target: toGlobalId(String(row.target)),
    qualifiers: propertyPairs(props),
    provenance: storedProvenance(props),
  };
}

interface StoredPathRelationship {
  id: string;
  type: string;
  start: string;
  props: Record<string, unknown>;
}

function pathFromRow(row: Row): PathResult {
  const nodes = (row.nodes as unknown[]).map(toEntityRecord);
  return toPath(nodes, row.rels as StoredPathRelationship[]);
}

/** A path from its nodes and the relationships between consecutive nodes, as stored (any direction). */
export function toPath(nodes: EntityRecord[], rels: StoredPathRelationship[]): PathResult {
  const relationships: PathRelationshipResult[] = rels.map((rel, index) => ({
    id: toGlobalId(`rel:${rel.id}`),
    type: rel.type as RelationshipType,
    direction: rel.start === nodes[index].elementId ? 'OUTGOING' : 'INCOMING',
    qualifiers: propertyPairs(rel.props ?? {}),
    provenance: storedProvenance(rel.props ?? {}),
  }));
  return {
    length: relationships.length,
    nodes,
    steps: nodes.map((node, index) => ({ node, relationship: relationships[index] ?? null })),
    text: pathText(nodes, relationships),
  };
}

/** `CGS —ORGANIZED (role: ORGANIZER)→ 42nd CCOP Annual Session —IN_SERIES_OF→ CCOP`; `←TYPE—` when walked backwards. */
export function pathText(nodes: EntityRecord[], relationships: Array<Pick<PathRelationshipResult, 'type' | 'direction' | 'qualifiers'>>): string {
  let text = shortName(nodes[0]);
  relationships.forEach((rel, index) => {
    const qualifiers = rel.qualifiers.length
      ? ` (${rel.qualifiers.map((pair) => `${pair.name}: ${shorten(pair.value)}`).join(', ')})`
      : '';
    const arrow = rel.direction === 'OUTGOING' ? `—${rel.type}${qualifiers}→` : `←${rel.type}${qualifiers}—`;
    text += ` ${arrow} ${shortName(nodes[index + 1])}`;
  });
  return text;
}

/** The shortest name of an entity for running text: an acronym, else its name or title, else its key. */
export function shortName(entity: EntityRecord): string {
  const { acronym, name, title } = entity.props as Record<string, unknown>;
  for (const candidate of [acronym, name, title]) if (typeof candidate === 'string' && candidate) return candidate;
  return entity.key;
}

function shorten(value: string): string {
  return value.length > MAX_TEXT_QUALIFIER ? `${value.slice(0, MAX_TEXT_QUALIFIER - 1).trimEnd()}…` : value;
}

function byLengthThenText(a: PathResult, b: PathResult): number {
  return a.length - b.length || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}

export function connectionSummary(from: EntityRecord, to: EntityRecord, paths: PathResult[], more: boolean, maxLength: number): string {
  const a = shortName(from);
  const b = shortName(to);
  if (paths.length === 0) return `No connection between ${a} and ${b} within ${plural(maxLength, 'relationship')}.`;
  const count = more ? `more than ${plural(paths.length, 'shortest path')} (the first ${paths.length} are listed)` : plural(paths.length, 'shortest path');
  const example = paths.length === 1 ? '' : ', e.g.';
  return `${a} and ${b} are connected by ${count} of ${plural(paths[0].length, 'relationship')}${example}: ${paths[0].text}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------------------
// Endpoints and the time budget.

async function endpoint(budget: TimeBudget, uid: string, argument: string): Promise<EntityRecord> {
  const [row] = await budget.read('entities/by-uids', { uids: [uid] });
  if (!row) throw notFound(argument, uid);
  return toEntityRecord(row.entity);
}

async function endpoints(budget: TimeBudget, request: PathRequest): Promise<[EntityRecord, EntityRecord]> {
  const rows = await budget.read('entities/by-uids', { uids: [request.fromUid, request.toUid] });
  const byUid = new Map(rows.map((row) => {
    const record = toEntityRecord(row.entity);
    return [record.uid, record] as const;
  }));
  const from = byUid.get(request.fromUid);
  if (!from) throw notFound('from', request.fromUid);
  const to = byUid.get(request.toUid);
  if (!to) throw notFound('to', request.toUid);
  return [from, to];
}

function notFound(argument: string, uid: string): AppError {
  return new AppError(ErrorCode.NotFound, `Argument "${argument}": no entity has the ID ${uid}.`, { argumentName: argument });
}

/**
 * One time budget shared by every statement of an operation: each gets what the previous ones left as its
 * transaction timeout, so a neighbourhood of four statements takes no longer than one query may.
 */
class TimeBudget {
  private readonly deadline: number;

  constructor(private readonly walk: WalkContext) {
    this.deadline = Date.now() + walk.timeoutMs;
  }

  /** Runs a statement with what is left of the budget as its transaction timeout. */
  async read(name: string, params: Params): Promise<Row[]> {
    const remaining = this.deadline - Date.now();
    if (remaining <= 0) throw new QueryTimeoutError(this.walk.timeoutMs);
    try {
      return await this.walk.cypher.read(name, params, remaining);
    } catch (error) {
      if (error instanceof QueryTimeoutError) throw new QueryTimeoutError(this.walk.timeoutMs);
      throw error;
    }
  }
}
