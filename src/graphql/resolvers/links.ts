import type { RequestContext } from '../context';
import { storedProvenance } from '../../data/entityView';
import type { EntityRecord, RelationshipRecord } from '../../data/records';
import type { NodeLabel, RelationshipType } from '../../graph/vocabulary';

type Direction = 'OUTGOING' | 'INCOMING';

/** The relationships of `entity` of the given types and direction, through the request's batching loader. */
export async function relationshipsOf(
  entity: EntityRecord,
  ctx: RequestContext,
  types: RelationshipType[],
  direction: Direction,
): Promise<RelationshipRecord[]> {
  return ctx.loaders.relationships.load({ elementId: entity.elementId, types, direction });
}

/** A resolver returning the entities at the other end of some relationships. */
export function relatedEntities(types: RelationshipType[], direction: Direction) {
  return async (entity: EntityRecord, _args: unknown, ctx: RequestContext) =>
    (await relationshipsOf(entity, ctx, types, direction)).map((rel) => rel.node);
}

/** A resolver returning the one entity at the other end, or null. */
export function relatedEntity(types: RelationshipType[], direction: Direction) {
  return async (entity: EntityRecord, _args: unknown, ctx: RequestContext) =>
    (await relationshipsOf(entity, ctx, types, direction))[0]?.node ?? null;
}

/**
 * A resolver returning typed link objects (OrganizerLink, RegionMappingLink…): the relationship's qualifiers,
 * its provenance, and both ends under their kind's field name (`organization`, `event`, `region`…). `subject`
 * is the end that is not of the anchor kind (the project of a RegionMappingLink, say).
 */
export function relatedLinks(types: RelationshipType[], direction: Direction, anchor?: NodeLabel) {
  return async (entity: EntityRecord, _args: unknown, ctx: RequestContext) =>
    (await relationshipsOf(entity, ctx, types, direction)).map((rel) => toLink(entity, rel, anchor));
}

export function relatedLink(types: RelationshipType[], direction: Direction, anchor?: NodeLabel) {
  const links = relatedLinks(types, direction, anchor);
  return async (entity: EntityRecord, args: unknown, ctx: RequestContext) => (await links(entity, args, ctx))[0] ?? null;
}

function toLink(self: EntityRecord, rel: RelationshipRecord, anchor?: NodeLabel): Record<string, unknown> {
  return {
    ...rel.props,
    type: rel.type,
    provenance: storedProvenance(rel.props),
    [fieldNameOf(self.label)]: self,
    // Same-kind ends (PART_OF): the other end wins, which is the one a TenureLink shows.
    [fieldNameOf(rel.node.label)]: rel.node,
    subject: self.label === anchor ? rel.node : self,
  };
}

function fieldNameOf(label: NodeLabel): string {
  return label[0].toLowerCase() + label.slice(1);
}

/** A resolver reading one stored property, null when absent. */
export function prop(name: string) {
  return (entity: EntityRecord) => entity.props[name] ?? null;
}

/** A resolver reading a stored list property, empty when absent. */
export function listProp(name: string) {
  return (entity: EntityRecord) => (Array.isArray(entity.props[name]) ? entity.props[name] : []);
}
