import type { CypherRunner } from '../db/cypherRunner';
import { BadInputError } from '../errors';
import type { RelationshipType } from '../graph/vocabulary';
import { toEntityRecord, type EntityRecord } from './records';
import { boundedInt, relationshipTypesArg } from './traversal';

/**
 * Whole-graph aggregates: group counts, degree rankings, the event timeline and the cooperation network.
 * Each is one named statement of cypher/analytics with every list capped; the caps are checked here, before
 * any Cypher runs. Whole-graph aggregates read far more than a look-up, so they get AGGREGATE_TIMEOUT_FACTOR
 * times the configured query time limit (still bounded; Neo4j's own transaction limit is four times it).
 */
export const AGGREGATE_TIMEOUT_FACTOR = 3;
export const MAX_GROUPS = 500;
export const DEFAULT_GROUPS = 100;
export const MAX_RANKED = 100;
export const DEFAULT_RANKED = 10;
export const MAX_EVENTS_PER_YEAR = 100;
export const DEFAULT_EVENTS_PER_YEAR = 20;
export const MAX_NETWORK_LINKS = 1_000;
export const DEFAULT_NETWORK_LINKS = 100;
export const MAX_ITEMS_PER_LINK = 50;
export const DEFAULT_ITEMS_PER_LINK = 5;

export type CountDimension = 'THEME' | 'REGION' | 'ORGANIZATION_KIND' | 'EVENT_YEAR';
export type NetworkKind = 'ORGANIZATION' | 'COUNTRY';
export type SharedItemKind = 'EVENT' | 'PROJECT' | 'AGREEMENT' | 'ORGANIZATION';
export const SHARED_ITEM_KINDS: readonly SharedItemKind[] = ['EVENT', 'PROJECT', 'AGREEMENT', 'ORGANIZATION'];

export interface AnalyticsContext {
  cypher: Pick<CypherRunner, 'read'>;
  /** The configured time limit of one query; aggregates get AGGREGATE_TIMEOUT_FACTOR times it. */
  queryTimeoutMs: number;
}

const DIMENSIONS: Record<CountDimension, { statement: string; counted: string }> = {
  THEME: { statement: 'analytics/counts-by-theme', counted: 'projects per theme' },
  REGION: { statement: 'analytics/counts-by-region', counted: 'projects, training programmes and claims linked to each region' },
  ORGANIZATION_KIND: { statement: 'analytics/counts-by-organization-kind', counted: 'organizations per kind' },
  EVENT_YEAR: { statement: 'analytics/counts-by-event-year', counted: 'events per year' },
};

export interface TypeCount {
  type: RelationshipType;
  count: number;
}

export interface GroupCountResult {
  key: string;
  label: string;
  count: number;
  breakdown: TypeCount[];
  entity: EntityRecord | null;
  organizationKind: string | null;
  year: number | null;
}

export interface GroupCountsResult {
  dimension: CountDimension;
  counted: string;
  groups: GroupCountResult[];
  totalGroups: number;
  truncated: boolean;
}

export async function countsBy(
  ctx: AnalyticsContext,
  args: { dimension: CountDimension; includeEmpty?: boolean | null; first?: number | null },
): Promise<GroupCountsResult> {
  const spec = DIMENSIONS[args.dimension];
  if (!spec) throw new BadInputError('dimension', `"${String(args.dimension)}" is not a dimension.`);
  const first = boundedInt('first', args.first, { min: 1, max: MAX_GROUPS, default: DEFAULT_GROUPS });
  const [row] = await read(ctx, spec.statement, { includeEmpty: args.includeEmpty ?? false, first });
  const groups = (row.groups as Array<Record<string, unknown>>).map((group) => toGroup(args.dimension, group));
  const totalGroups = Number(row.totalGroups);
  return { dimension: args.dimension, counted: spec.counted, groups, totalGroups, truncated: totalGroups > groups.length };
}

function toGroup(dimension: CountDimension, group: Record<string, unknown>): GroupCountResult {
  const key = String(group.key);
  const known = key !== 'UNSPECIFIED' && key !== 'UNKNOWN';
  return {
    key,
    label: groupLabel(dimension, key, String(group.label)),
    count: Number(group.count),
    breakdown: ((group.breakdown ?? []) as Array<Record<string, unknown>>).map(toTypeCount),
    entity: group.entity ? toEntityRecord(group.entity) : null,
    organizationKind: dimension === 'ORGANIZATION_KIND' && known ? key : null,
    year: dimension === 'EVENT_YEAR' && known ? Number(key) : null,
  };
}

/** `GEOLOGICAL_SURVEY` → `Geological survey`; the two catch-all groups get words of their own. */
function groupLabel(dimension: CountDimension, key: string, label: string): string {
  if (dimension === 'ORGANIZATION_KIND') {
    if (key === 'UNSPECIFIED') return 'Kind not recorded';
    const words = key.toLowerCase().replace(/_/g, ' ');
    return words[0].toUpperCase() + words.slice(1);
  }
  if (dimension === 'EVENT_YEAR' && key === 'UNKNOWN') return 'Year not recorded';
  return label;
}

export interface RankedEntityResult {
  rank: number;
  entity: EntityRecord;
  degree: number;
  neighbours: number;
  breakdown: TypeCount[];
}

export async function rankedEntities(
  ctx: AnalyticsContext,
  kind: NetworkKind,
  args: { relationshipTypes?: readonly string[] | null; first?: number | null },
): Promise<RankedEntityResult[]> {
  const first = boundedInt('first', args.first, { min: 1, max: MAX_RANKED, default: DEFAULT_RANKED });
  const types = relationshipTypesArg('relationshipTypes', args.relationshipTypes);
  const statement = kind === 'ORGANIZATION' ? 'analytics/ranked-organizations' : 'analytics/ranked-countries';
  const rows = await read(ctx, statement, { types, first });
  return rows.map((row, index) => ({
    rank: index + 1,
    entity: toEntityRecord(row.entity),
    degree: Number(row.degree),
    neighbours: Number(row.neighbours),
    breakdown: (row.breakdown as Array<Record<string, unknown>>).map(toTypeCount),
  }));
}

export interface TimelineYearResult {
  year: number;
  count: number;
  events: EntityRecord[];
}

export async function eventTimeline(
  ctx: AnalyticsContext,
  args: { yearFrom?: number | null; yearTo?: number | null; eventsPerYear?: number | null },
): Promise<TimelineYearResult[]> {
  const eventsPerYear = boundedInt('eventsPerYear', args.eventsPerYear, { min: 0, max: MAX_EVENTS_PER_YEAR, default: DEFAULT_EVENTS_PER_YEAR });
  const yearFrom = args.yearFrom ?? null;
  const yearTo = args.yearTo ?? null;
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) {
    throw new BadInputError('yearTo', `must not be before yearFrom (${yearFrom}).`);
  }
  const rows = await read(ctx, 'analytics/event-timeline', { yearFrom, yearTo, eventsPerYear });
  return rows.map((row) => ({
    year: Number(row.year),
    count: Number(row.count),
    events: (row.events as unknown[]).map(toEntityRecord),
  }));
}

export interface SharedItemsResult {
  kind: SharedItemKind;
  count: number;
  items: EntityRecord[];
}

export interface CooperationLinkResult {
  source: EntityRecord;
  target: EntityRecord;
  weight: number;
  shared: SharedItemsResult[];
}

export interface CooperationNetworkResult {
  kind: NetworkKind;
  nodes: EntityRecord[];
  links: CooperationLinkResult[];
  truncated: boolean;
}

export async function cooperationNetwork(
  ctx: AnalyticsContext,
  args: {
    kind: NetworkKind;
    via?: readonly string[] | null;
    minWeight?: number | null;
    limit?: number | null;
    itemsPerLink?: number | null;
  },
): Promise<CooperationNetworkResult> {
  const limit = boundedInt('limit', args.limit, { min: 1, max: MAX_NETWORK_LINKS, default: DEFAULT_NETWORK_LINKS });
  const itemsPerLink = boundedInt('itemsPerLink', args.itemsPerLink, { min: 0, max: MAX_ITEMS_PER_LINK, default: DEFAULT_ITEMS_PER_LINK });
  const minWeight = args.minWeight ?? 1;
  if (!Number.isInteger(minWeight) || minWeight < 1) throw new BadInputError('minWeight', 'must be a whole number of 1 or more.');
  const via = sharedItemKinds(args.via);
  const statement = args.kind === 'ORGANIZATION' ? 'analytics/network-organizations' : 'analytics/network-countries';
  const rows = await read(ctx, statement, { via, minWeight, limit, itemsPerLink });

  const links = rows.slice(0, limit).map((row): CooperationLinkResult => {
    const [source, target] = [toEntityRecord(row.a), toEntityRecord(row.b)].sort((x, y) => (x.uid < y.uid ? -1 : 1));
    return {
      source,
      target,
      weight: Number(row.weight),
      shared: (row.shared as Array<Record<string, unknown>>).map((part) => ({
        kind: part.kind as SharedItemKind,
        count: Number(part.count),
        items: (part.items as unknown[]).map(toEntityRecord),
      })),
    };
  });
  const nodes = new Map<string, EntityRecord>();
  for (const link of links) for (const end of [link.source, link.target]) nodes.set(end.uid, end);
  return {
    kind: args.kind,
    nodes: [...nodes.values()].sort((x, y) => (x.uid < y.uid ? -1 : x.uid > y.uid ? 1 : 0)),
    links,
    truncated: rows.length > limit,
  };
}

function sharedItemKinds(via: readonly string[] | null | undefined): SharedItemKind[] {
  if (via === null || via === undefined) return [...SHARED_ITEM_KINDS];
  const unknown = via.find((kind) => !(SHARED_ITEM_KINDS as readonly string[]).includes(kind));
  if (unknown !== undefined) throw new BadInputError('via', `"${unknown}" is not a kind of shared item.`);
  if (via.length === 0) throw new BadInputError('via', 'name at least one kind of shared item, or omit it for all.');
  return [...new Set(via as SharedItemKind[])];
}

function toTypeCount(part: Record<string, unknown>): TypeCount {
  return { type: part.type as RelationshipType, count: Number(part.count) };
}

function read(ctx: AnalyticsContext, statement: string, params: Record<string, unknown>) {
  return ctx.cypher.read(statement, params, ctx.queryTimeoutMs * AGGREGATE_TIMEOUT_FACTOR);
}
