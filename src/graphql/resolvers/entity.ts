import type { RequestContext } from '../context';
import { displayLabel, kindOf, propertyPairs, storedProvenance, type StoredProvenance } from '../../data/entityView';
import { toGlobalId } from '../../data/globalId';
import type { EntityRecord, RelationshipRecord } from '../../data/records';
import type { RelationshipType } from '../../graph/vocabulary';
import { NODE_LABELS } from '../../graph/vocabulary';

/** Fields every entity type shares (the `Entity` interface), resolved the same way for all kinds. */
export const entityFields = {
  id: (entity: EntityRecord) => toGlobalId(entity.uid),
  key: (entity: EntityRecord) => entity.key,
  kind: (entity: EntityRecord) => kindOf(entity.label),
  label: (entity: EntityRecord) => displayLabel(entity),
  properties: (entity: EntityRecord) => propertyPairs(entity.props),
  provenance: (entity: EntityRecord) => storedProvenance(entity.props),
  relationships: (
    entity: EntityRecord,
    args: { types?: RelationshipType[] | null; direction?: 'OUTGOING' | 'INCOMING' | null },
    ctx: RequestContext,
  ) => ctx.loaders.relationships.load({ elementId: entity.elementId, types: args.types ?? null, direction: args.direction ?? null }),
};

export const provenanceResolvers = {
  Provenance: {
    source: async (entry: StoredProvenance, _args: unknown, ctx: RequestContext) => {
      const source = await ctx.loaders.entityByUid.load(`Source:${entry.source}`);
      if (!source) throw new Error(`Provenance names unknown source ${entry.source}.`);
      return source;
    },
  },
  Relationship: {
    id: (rel: RelationshipRecord) => toGlobalId(`rel:${rel.elementId}`),
    qualifiers: (rel: RelationshipRecord) => propertyPairs(rel.props),
    provenance: (rel: RelationshipRecord) => storedProvenance(rel.props),
  },
};

/** `__resolveType` for the Node and Entity interfaces: the GraphQL type is the node label. */
export const interfaceResolvers = Object.fromEntries(
  ['Node', 'Entity'].map((name) => [name, { __resolveType: (entity: EntityRecord) => entity.label }]),
);

/** Generic fields for every entity type (each type adds its own). */
export function entityTypeResolvers(): Record<string, typeof entityFields> {
  return Object.fromEntries(NODE_LABELS.map((label) => [label, { ...entityFields }]));
}
