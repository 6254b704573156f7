import type { CypherReader, Params, Row } from '../db/cypherRunner';
import type { CountDimension, NetworkKind, OrganizationKind, SharedItemKind } from '../generated/graphql';
import type { Deadline } from '../graphql/deadline';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../graph/vocabulary';
import { LIMITS } from '../limits';
import { atLeast, boundedInt, oneOf, relationshipTypesArg, someOf, yearRangeArg } from './arguments';
import { andHeldOn, whereHeldOn } from './heldOn';
import { toEntityRecord, type EntityRecord } from './records';

/**
 * Whole-graph aggregates: group counts, degree rankings, the event timeline and the cooperation network.
 * Each is one named statement of cypher/analytics with every list capped by src/limits.ts (`analytics.*`);
 * the arguments are checked before any Cypher runs. Like every read of an operation, an aggregate runs in the
 * operation's transaction and draws on its one deadline.
 */

export type { CountDimension, NetworkKind, SharedItemKind };

/** Links of an organization to the organization it is part of: hierarchy, left out of analytics unless asked. */
const HIERARCHY_TYPES: readonly RelationshipType[] = ['PART_OF'];

/** Every SharedItemKind of the SDL: what `via` means when omitted (typed as a Record, so none can be missing). */
const ALL_SHARED_ITEM_KINDS: Record<SharedItemKind, true> = { EVENT: true, PROJECT: true, AGREEMENT: true, ORGANIZATION: true };
export const SHARED_ITEM_KINDS = Object.keys(ALL_SHARED_ITEM_KINDS) as SharedItemKind[];

/** What an aggregate needs from the request: the operation's reader and its deadline. A RequestContext is one. */
export interface AnalyticsContext {
  cypher: CypherReader;
  deadline: Deadline;
}

/** Each dimension's statement; `held`: its relationship variables, kept as of a day (none: it counts entities alone). */
const DIMENSIONS: Record<CountDimension, { statement: string; counted: string; held: readonly string[] }> = {
  THEME: { statement: 'analytics/counts-by-theme', counted: 'projects per theme', held: ['r'] },
  REGION: { statement: 'analytics/counts-by-region', counted: 'projects, training programmes and claims linked to each region', held: ['r'] },
  ORGANIZATION_KIND: { statement: 'analytics/counts-by-organization-kind', counted: 'organizations per kind', held: [] },
  EVENT_YEAR: { statement: 'analytics/counts-by-event-year', counted: 'events per year', held: [] },
};
const COUNT_DIMENSIONS = Object.keys(DIMENSIONS) as CountDimension[];

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
  organizationKind: OrganizationKind | null;
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
  args: { dimension: CountDimension; includeEmpty?: boolean | null; first?: number | null; asOf?: string | null },
  /** `withEntities`: whether the groups' entities are read (`groups { entity }` selected); all of them when not said. */
  options: { withEntities: boolean } = { withEntities: true },
): Promise<GroupCountsResult> {
  const dimension = oneOf('dimension', args.dimension, COUNT_DIMENSIONS, 'a dimension');
  const spec = DIMENSIONS[dimension];
  const first = boundedInt('first', args.first, LIMITS.analytics.groups);
  const params = { includeEmpty: args.includeEmpty ?? false, first, asOf: args.asOf ?? null, withEntities: options.withEntities };
  const [row] = await read(ctx, spec.statement, params, heldSlots(ctx, spec.held, args.asOf));
  const groups = (row.groups as Array<Record<string, unknown>>).map((group) => toGroup(dimension, group));
  const totalGroups = Number(row.totalGroups);
  return { dimension, counted: spec.counted, groups, totalGroups, truncated: totalGroups > groups.length };
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
    organizationKind: dimension === 'ORGANIZATION_KIND' && known ? (key as OrganizationKind) : null,
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
  args: { relationshipTypes?: readonly string[] | null; first?: number | null; includeHierarchy?: boolean | null; asOf?: string | null },
): Promise<RankedEntityResult[]> {
  const first = boundedInt('first', args.first, LIMITS.analytics.ranked);
  const asked = relationshipTypesArg('relationshipTypes', args.relationshipTypes);
  // Organizations: a parent ministry is not a partner, so PART_OF counts only when asked for (by type or flag).
  const types = asked ?? (kind === 'ORGANIZATION' && !args.includeHierarchy ? RELATIONSHIP_TYPES.filter((type) => !HIERARCHY_TYPES.includes(type)) : null);
  const statement = kind === 'ORGANIZATION' ? 'analytics/ranked-organizations' : 'analytics/ranked-countries';
  const rows = await read(ctx, statement, { types, first, asOf: args.asOf ?? null }, { ...heldSlots(ctx, ['r'], args.asOf), and_held_r: andHeldOn(ctx.cypher.library, 'r', args.asOf) });
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
  const eventsPerYear = boundedInt('eventsPerYear', args.eventsPerYear, LIMITS.analytics.eventsPerYear);
  const { yearFrom, yearTo } = yearRangeArg(args.yearFrom, args.yearTo);
  // A year is a group of events: at most as many years as any grouping returns.
  const rows = await read(ctx, 'analytics/event-timeline', { yearFrom, yearTo, eventsPerYear, maxYears: LIMITS.analytics.groups.max });
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
    includeHierarchy?: boolean | null;
    asOf?: string | null;
  },
): Promise<CooperationNetworkResult> {
  const limit = boundedInt('limit', args.limit, LIMITS.analytics.networkLinks);
  const itemsPerLink = boundedInt('itemsPerLink', args.itemsPerLink, LIMITS.analytics.itemsPerLink);
  // A pair is linked by at least one shared item; omitted, every linked pair counts.
  const minWeight = atLeast('minWeight', args.minWeight, 1);
  const via = someOf('via', args.via, SHARED_ITEM_KINDS, 'kind of shared item');
  const statement = args.kind === 'ORGANIZATION' ? 'analytics/network-organizations' : 'analytics/network-countries';
  const rows = await read(
    ctx,
    statement,
    { via, minWeight, limit, itemsPerLink, includeHierarchy: args.includeHierarchy ?? false, asOf: args.asOf ?? null },
    heldSlots(ctx, ['ra', 'rb'], args.asOf),
  );

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

function toTypeCount(part: Record<string, unknown>): TypeCount {
  return { type: part.type as RelationshipType, count: Number(part.count) };
}

/** One aggregate: the deadline is checked first, then the statement (its slots filled) runs in the operation's transaction. */
function read(ctx: AnalyticsContext, statement: string, params: Params, slots: Record<string, string> = {}): Promise<Row[]> {
  ctx.deadline.check();
  return ctx.cypher.readTemplate(statement, slots, params);
}

/** The slots `held_<variable>` of an aggregate: as of a day, only the relationships that held then are counted. */
function heldSlots(ctx: AnalyticsContext, variables: readonly string[], asOf: string | null | undefined): Record<string, string> {
  return Object.fromEntries(variables.map((variable) => [`held_${variable}`, whereHeldOn(ctx.cypher.library, variable, asOf)]));
}
