import type { Resolvers } from '../../generated/graphql';
import { requireRole, type Role } from '../../auth/viewer';
import { fromAnyGlobalId, fromChangeGlobalId, fromRelationshipGlobalId, toGlobalId } from '../../data/globalId';
import type { RelationshipRecord } from '../../data/records';
import { ENTITY_FIELDS, QUALIFIER_FIELDS } from '../../graph/model';
import { NODE_LABELS, type NodeLabel, type RelationshipType } from '../../graph/vocabulary';
import { LIMITS } from '../../limits';
import { createEntity, deleteEntity, updateEntity, upsertEntity, type EntityWrite } from '../../writes/entities';
import { link, unlink, updateLink, type StoredLink } from '../../writes/links';
import { provenanceEntry, type ProvenanceInput } from '../../writes/provenance';
import { revertChange, type StoredChange } from '../../writes/revert';
import { WriteRefused, type UserError } from '../../writes/userErrors';
import type { Writer } from '../../writes/writer';
import type { RequestContext } from '../context';

/**
 * The mutation fields: each checks the caller's role, runs one write transaction through src/writes, and
 * answers with a Relay payload. Input problems (WriteRefused) become `userErrors` with nothing written.
 */

type Input = Record<string, unknown> & { clientMutationId?: string | null };

const lcfirst = (text: string) => text[0].toLowerCase() + text.slice(1);
const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** GraphQL's parsed input values as plain JSON (graphql-scalars' URL parses to a URL object). */
function plainValues(input: unknown): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries((input ?? {}) as Record<string, unknown>).map(([name, value]) => [name, value instanceof URL ? value.href : value]),
  );
}

/** `unset: [FOUNDED_YEAR]` → `foundedYear`. */
function fieldNames(values: readonly string[] | null | undefined, known: readonly string[]): string[] {
  return (values ?? []).map((value) => known.find((name) => snake(name) === value) ?? value);
}

/**
 * The payload of one mutation field: `work` writes and returns how to present what it wrote — run after the
 * commit, so the payload reads the written state — or the `refused` shape with the input's problems.
 */
async function attempt(ctx: RequestContext, role: Role, input: Input, refused: object, work: (writer: Writer) => Promise<() => object>): Promise<never> {
  const principal = requireRole(ctx.viewer, role);
  const clientMutationId = input.clientMutationId ?? null;
  try {
    const present = await ctx.write(principal, work);
    return { ...present(), userErrors: [] as UserError[], clientMutationId } as never;
  } catch (error) {
    if (error instanceof WriteRefused) return { ...refused, userErrors: error.userErrors, clientMutationId } as never;
    throw error;
  }
}

/**
 * A payload field read after the commit is a thunk (GraphQL's default resolver calls it): loaded only when
 * selected, and its failure (Neo4j gone after the commit) is a field error, never an unhandled rejection.
 */
function change(ctx: RequestContext, sequence: number | null) {
  return () => (sequence === null ? null : ctx.loaders.changeBySequence.load(sequence));
}

function entityPayload(label: NodeLabel, ctx: RequestContext, write: EntityWrite) {
  return () => ({ [lcfirst(label)]: write.entity, created: write.created, changed: write.changed, change: change(ctx, write.sequence) });
}

/** An entity ID of the mutation's own kind, as a uid; another kind is NOT_FOUND for this mutation. */
function uidOfKind(id: string, label: NodeLabel): string {
  const decoded = fromAnyGlobalId(id, 'input.id');
  if (decoded.kind !== 'entity' || decoded.label !== label) {
    throw new WriteRefused([{ field: ['id'], code: 'NOT_FOUND', message: `"${id}" is not the ID of a ${label}.` }]);
  }
  return decoded.uid;
}

function entityUidOf(id: string, field: string): string {
  const decoded = fromAnyGlobalId(id, `input.${field}`);
  if (decoded.kind !== 'entity') throw new WriteRefused([{ field: [field], code: 'NOT_FOUND', message: `"${id}" is not the ID of an entity.` }]);
  return decoded.uid;
}

function kindMutations(label: NodeLabel): Record<string, unknown> {
  const fields = Object.keys(ENTITY_FIELDS[label]);
  const refused = { [lcfirst(label)]: null, created: false, changed: false, change: null };
  type KindInput = Input & { key: string; id: string; fields: unknown; set?: unknown; unset?: string[] | null; expectedVersion?: number | null; provenance: ProvenanceInput };
  return {
    [`create${label}`]: (_parent: unknown, { input }: { input: KindInput }, ctx: RequestContext) =>
      attempt(ctx, 'editor', input, refused, async (writer) =>
        entityPayload(label, ctx, await createEntity(writer, label, input.key, plainValues(input.fields), await provenanceEntry(writer, input.provenance, ['provenance'])))),
    [`update${label}`]: (_parent: unknown, { input }: { input: KindInput }, ctx: RequestContext) =>
      attempt(ctx, 'editor', input, refused, async (writer) => {
        const uid = uidOfKind(input.id, label);
        const changes = { set: plainValues(input.set), unset: fieldNames(input.unset, fields) };
        return entityPayload(label, ctx, await updateEntity(writer, uid, changes, await provenanceEntry(writer, input.provenance, ['provenance']), input.expectedVersion));
      }),
    [`upsert${label}`]: (_parent: unknown, { input }: { input: KindInput }, ctx: RequestContext) =>
      attempt(ctx, 'editor', input, refused, async (writer) =>
        entityPayload(label, ctx, await upsertEntity(writer, label, input.key, plainValues(input.fields), await provenanceEntry(writer, input.provenance, ['provenance'])))),
  };
}

/** The payload's relationship, seen from its start like `relationship(id:)`; a thunk like `change`. */
function relationshipOf(ctx: RequestContext, stored: StoredLink | null): () => Promise<RelationshipRecord | null> | null {
  return () => (stored ? ctx.loaders.relationshipById.load({ type: stored.type, id: stored.id }) : null);
}

const linkRefused = { relationship: null, created: false, changed: false, change: null };

export const mutationResolvers: Resolvers = {
  Mutation: {
    ...Object.assign({}, ...NODE_LABELS.map(kindMutations)),
    deleteEntity: (_parent, { input }, ctx) =>
      attempt(ctx, 'admin', input, { deletedId: null, removedRelationships: 0, change: null }, async (writer) => {
        const uid = entityUidOf(input.id, 'id');
        const outcome = await deleteEntity(writer, uid, input.expectedVersion, input.cascade ?? [], await provenanceEntry(writer, input.provenance, ['provenance']), LIMITS.write.cascadeRelationships);
        return () => ({ deletedId: toGlobalId(uid), removedRelationships: outcome.removedRelationships, change: change(ctx, outcome.sequence) });
      }),
    link: (_parent, { input }, ctx) =>
      attempt(ctx, 'editor', input, linkRefused, async (writer) => {
        const fromUid = entityUidOf(input.from, 'from');
        const toUid = entityUidOf(input.to, 'to');
        const entry = await provenanceEntry(writer, input.provenance, ['provenance']);
        const written = await link(writer, input.type as RelationshipType, fromUid, toUid, plainValues(input.qualifiers), entry);
        return () => ({ relationship: relationshipOf(ctx, written.link), created: written.created, changed: written.changed, change: change(ctx, written.sequence) });
      }),
    updateLink: (_parent, { input }, ctx) =>
      attempt(ctx, 'editor', input, linkRefused, async (writer) => {
        const ref = fromRelationshipGlobalId(input.id, 'input.id');
        const entry = await provenanceEntry(writer, input.provenance, ['provenance']);
        const unset = fieldNames(input.unset, Object.keys(QUALIFIER_FIELDS));
        const written = await updateLink(writer, ref.type, ref.id, plainValues(input.set), unset, entry, input.expectedVersion);
        return () => ({ relationship: relationshipOf(ctx, written.link), created: false, changed: written.changed, change: change(ctx, written.sequence) });
      }),
    unlink: (_parent, { input }, ctx) =>
      attempt(ctx, 'editor', input, { unlinkedId: null, change: null }, async (writer) => {
        const ref = fromRelationshipGlobalId(input.id, 'input.id');
        const outcome = await unlink(writer, ref.type, ref.id, await provenanceEntry(writer, input.provenance, ['provenance']), input.expectedVersion);
        return () => ({ unlinkedId: input.id, change: change(ctx, outcome.sequence) });
      }),
    revertChange: (_parent, { input }, ctx) =>
      attempt(ctx, 'admin', input, { change: null, reverted: null }, async (writer) => {
        const sequence = fromChangeGlobalId(input.changeId, 'input.changeId');
        const [row] = await writer.tx.run('history/by-sequences', { sequences: [sequence] });
        if (!row) throw new WriteRefused([{ field: ['changeId'], code: 'NOT_FOUND', message: `no change ${input.changeId}.` }]);
        const entry = await provenanceEntry(writer, { note: input.note ?? `Revert of change ${sequence}.`, confidence: 'HIGH' }, ['note']);
        const done = await revertChange(writer, row.change as StoredChange, entry, LIMITS.write.cascadeRelationships);
        return () => ({ change: change(ctx, done?.sequence ?? null), reverted: change(ctx, sequence) });
      }),
  },
};

