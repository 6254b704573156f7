import type { Resolvers } from '../../generated/graphql';
import { displayLabel, kindOf, propertyPairs, storedProvenance } from '../../data/entityView';
import { fromRelationshipGlobalId, relationshipGlobalId, toGlobalId } from '../../data/globalId';
import { isChangeRecord, isRelationshipRecord, type EntityRecord, type RelationshipRecord } from '../../data/records';
import {
  asLinkConnection,
  asRelationshipConnection,
  relationshipPage,
  type LinkOrderField,
  type RelationshipPage,
  type RelationshipSelection,
} from '../../data/relationshipPages';
import { relationshipTypesArg } from '../../data/arguments';
import { TEMPORAL_PROPERTIES } from '../../graph/model';
import { RELATIONSHIP_CONNECTIONS, RELATIONSHIP_SINGULARS } from '../../graph/relationshipFields';
import { NODE_LABELS } from '../../graph/vocabulary';
import { LIMITS, type Bounds } from '../../limits';
import type { RequestContext } from '../context';
import { reads } from './fields';

/**
 * The generic half of the resolver map, built from src/graph/relationshipFields.ts: every relationship
 * connection and singular field of every entity type, every edge type, the Relationship type, and the fields
 * all entities share. The areas' own files add the stored properties and root fields of each kind.
 */
interface LinkArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  orderBy?: { field: LinkOrderField; direction?: 'ASC' | 'DESC' | null } | null;
  /** Only relationships that held on this day. */
  asOf?: string | null;
}

/** The day a connection is read as of: its own `asOf`, else the one its entity was looked up with. */
function asOfOf(parent: EntityRecord, args: LinkArgs): string | null {
  return args.asOf ?? parent.asOf ?? null;
}

/** A relationship page, then `finish` on it: synchronously when it was read ahead (no promise per field). */
function page<T>(
  parent: EntityRecord,
  field: string,
  selection: RelationshipSelection,
  args: LinkArgs,
  ctx: RequestContext,
  finish: (page: RelationshipPage) => T,
  bounds: Bounds = LIMITS.relationshipPage,
): T | Promise<T> {
  const found = relationshipPage(ctx.loaders.relationships, parent, { ...args, field, selection, bounds });
  return found instanceof Promise ? found.then(finish) : finish(found);
}

const entityFields = {
  id: reads([], (entity: EntityRecord) => toGlobalId(entity.uid)),
  key: reads([], (entity: EntityRecord) => entity.key),
  kind: reads([], (entity: EntityRecord) => kindOf(entity.label) as never),
  label: reads(['name', 'title', 'acronym'], (entity: EntityRecord) => displayLabel(entity)),
  // `properties` shows every stored property: it carries no mark, so read-ahead projects them all.
  properties: (entity: EntityRecord) => propertyPairs(entity.props),
  provenance: reads(['provenance'], (entity: EntityRecord) => storedProvenance(entity.props)),
  relationships: reads([], (
    entity: EntityRecord,
    args: LinkArgs & { types?: readonly string[] | null; direction?: 'OUTGOING' | 'INCOMING' | null },
    ctx: RequestContext,
  ) => {
    const selection = { types: relationshipTypesArg('types', args.types), direction: args.direction ?? null, other: null, asOf: asOfOf(entity, args) };
    return page(entity, 'relationships', selection, { first: args.first, after: args.after, last: args.last, before: args.before }, ctx, asRelationshipConnection, LIMITS.relationshipsPage);
  }),
};

function entityTypeResolvers(): Record<string, Record<string, unknown>> {
  const byType: Record<string, Record<string, unknown>> = Object.fromEntries(NODE_LABELS.map((label) => [label, { ...entityFields }]));
  for (const field of RELATIONSHIP_CONNECTIONS) {
    const selection = { types: [field.type], direction: field.direction, other: field.other };
    byType[field.owner][field.field] = reads([], (parent: EntityRecord, args: LinkArgs, ctx: RequestContext) =>
      page(parent, field.field, { ...selection, asOf: asOfOf(parent, args) }, args, ctx, (found) =>
        // Read only when selected: the claims that say how complete this list of the parent is.
        asLinkConnection(found, () => ctx.loaders.listCompleteness.load({ parentUid: parent.uid, type: field.type, direction: field.direction })),
      ),
    );
  }
  for (const field of RELATIONSHIP_SINGULARS) {
    const selection = { types: [field.type], direction: field.direction, other: field.other };
    // The first by name: the same statement shape as a one-item page of the connection.
    byType[field.owner][field.field] = reads([], (parent: EntityRecord, _args: unknown, ctx: RequestContext) =>
      page(parent, field.field, { ...selection, asOf: asOfOf(parent, {}) }, { first: 1 }, ctx, (found) => found.relationships[0]?.node ?? null),
    );
  }
  return byType;
}

function edgeTypeResolvers(): Record<string, Record<string, unknown>> {
  const edges: Record<string, Record<string, unknown>> = {};
  for (const field of RELATIONSHIP_CONNECTIONS) {
    edges[field.edge] = {
      cursor: (rel: RelationshipRecord) => rel.cursor,
      id: (rel: RelationshipRecord) => relationshipGlobalId(rel.type, rel.id),
      type: (rel: RelationshipRecord) => rel.type,
      node: (rel: RelationshipRecord) => rel.node,
      provenance: (rel: RelationshipRecord) => storedProvenance(rel.props),
      ...Object.fromEntries([...field.qualifiers, ...TEMPORAL_PROPERTIES].map((name) => [name, (rel: RelationshipRecord) => rel.props[name] ?? null])),
    };
  }
  return edges;
}

const endOf = (uid: string, rel: RelationshipRecord, ctx: RequestContext) =>
  uid === rel.node.uid ? rel.node : ctx.loaders.entityByUid.load(uid).then((entity) => entity ?? Promise.reject(new Error(`Relationship ${rel.id} has no end ${uid}.`)));

const relationshipResolvers: Resolvers = {
  Query: {
    relationship: (_parent, args, ctx) => {
      const ref = fromRelationshipGlobalId(args.id);
      return ctx.loaders.relationshipById.load(ref);
    },
  },
  Relationship: {
    id: (rel) => relationshipGlobalId(rel.type, rel.id),
    type: (rel) => rel.type,
    direction: (rel) => rel.direction,
    node: (rel) => rel.node,
    start: (rel, _args, ctx) => endOf(rel.startUid, rel, ctx),
    end: (rel, _args, ctx) => endOf(rel.endUid, rel, ctx),
    qualifiers: (rel) => propertyPairs(rel.props),
    validFrom: (rel) => (rel.props.validFrom ?? null) as never,
    validFromPrecision: (rel) => (rel.props.validFromPrecision ?? null) as never,
    validTo: (rel) => (rel.props.validTo ?? null) as never,
    validToPrecision: (rel) => (rel.props.validToPrecision ?? null) as never,
    validPeriodLabel: (rel) => (rel.props.validPeriodLabel ?? null) as never,
    provenance: (rel) => storedProvenance(rel.props),
  },
  Node: { __resolveType: (record) => (isChangeRecord(record) ? 'Change' : isRelationshipRecord(record) ? 'Relationship' : record.label) },
  Entity: { __resolveType: (entity) => entity.label },
};

/** The table-driven resolvers; their shapes follow the SDL by construction (tests/unit/relationshipFields.test.ts). */
export function genericResolvers(): Resolvers {
  return { ...entityTypeResolvers(), ...edgeTypeResolvers(), ...relationshipResolvers } as Resolvers;
}
