import { fieldsFromStored, qualifiersFromStored, storedFromFields } from '../graph/model';
import { entityProperties, withProvenance, type FactValue, type ProvenanceEntry } from '../graph/storedProperties';
import type { NodeLabel, RelationshipType } from '../graph/vocabulary';
import { storedProvenance } from '../data/entityView';
import { keptProperties, withoutNulls } from './entities';
import { diff, PROVENANCE_FIELD, recordChange } from './history';
import { linkState } from './links';
import { entryOf, type ProvenanceInput } from './provenance';
import { runForType, type Writer } from './writer';

/**
 * The batched write path (bulk import): many upserts and links in a few `UNWIND` statements instead of a
 * round trip each, with the single-write path's rules for what is stored — the same derivation
 * (src/graph/storedProperties.ts), "fields left out keep their values", provenance appended unless it says the
 * same again (or restored whole), `version` + 1 only when something changed — and one history entry for the
 * batch. The caller has validated every row (src/writes/validate.ts); a row that still fails here aborts the batch.
 */
export type BatchProvenance = ProvenanceInput | ProvenanceEntry[] | null;

export interface BatchEntity {
  label: NodeLabel;
  key: string;
  fields: Record<string, unknown>;
  provenance: BatchProvenance;
}

export interface BatchLink {
  type: RelationshipType;
  fromUid: string;
  toUid: string;
  qualifiers: Record<string, unknown>;
  provenance: BatchProvenance;
}

export interface BatchCounts {
  entitiesCreated: number;
  entitiesUpdated: number;
  entitiesUnchanged: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
  relationshipsUnchanged: number;
}

export const NO_COUNTS: BatchCounts = { entitiesCreated: 0, entitiesUpdated: 0, entitiesUnchanged: 0, relationshipsCreated: 0, relationshipsUpdated: 0, relationshipsUnchanged: 0 };

export class BatchWriteFailed extends Error {}

function provenanceAfter(writer: Writer, existing: readonly ProvenanceEntry[], given: BatchProvenance): ProvenanceEntry[] {
  if (Array.isArray(given)) return given;
  return withProvenance(existing, entryOf(writer, given));
}

function bookkeeping(props: Record<string, unknown> | null, changed: boolean, at: string) {
  if (!props) return { version: 1, createdAt: at, updatedAt: at };
  return { version: Number(props.version ?? 1) + (changed ? 1 : 0), createdAt: String(props.createdAt ?? at), updatedAt: at };
}

/** The complete stored properties of an upserted entity, or null when the write would change nothing. */
export function plannedEntity(writer: Writer, entity: BatchEntity, stored: Record<string, unknown> | null): Record<string, unknown> | null {
  const at = writer.at.toISOString();
  const given = withoutNulls(entity.fields);
  const before = stored ? fieldsFromStored(entity.label, stored) : {};
  const after = { ...before, ...given };
  const provenanceBefore = stored ? storedProvenance(stored) : [];
  const provenanceNow = provenanceAfter(writer, provenanceBefore, entity.provenance);
  if (stored && diff({ ...before, [PROVENANCE_FIELD]: provenanceBefore }, { ...after, [PROVENANCE_FIELD]: provenanceNow }).length === 0) return null;
  const facts = { ...(stored ? keptProperties(entity.label, stored) : {}), ...(storedFromFields(entity.label, after) as Record<string, FactValue>) };
  return entityProperties(entity.label, entity.key, facts, provenanceNow, bookkeeping(stored, true, at));
}

/** The complete stored properties of a link, or null when it would change nothing. */
export function plannedLink(writer: Writer, link: BatchLink, stored: Record<string, unknown> | null): Record<string, unknown> | null {
  const at = writer.at.toISOString();
  const given = withoutNulls(link.qualifiers);
  const before = stored ? qualifiersFromStored(link.type, stored) : {};
  const after = { ...before, ...given };
  const provenanceBefore = stored ? storedProvenance(stored) : [];
  const provenanceNow = provenanceAfter(writer, provenanceBefore, link.provenance);
  if (stored && diff({ ...before, [PROVENANCE_FIELD]: provenanceBefore }, { ...after, [PROVENANCE_FIELD]: provenanceNow }).length === 0) return null;
  const { version, createdAt, updatedAt } = bookkeeping(stored, true, at);
  const props = linkState(link.type, link.fromUid, link.toUid, after, provenanceNow, version, createdAt, updatedAt, String(stored?.discriminator ?? ''));
  // A stored id stays what it was (a seeded or synthetic id need not be re-derivable from today's ends).
  if (stored?.id) props.id = stored.id;
  return props;
}

async function writeEntities(writer: Writer, entities: readonly BatchEntity[], counts: BatchCounts): Promise<void> {
  if (entities.length === 0) return;
  const uids = entities.map((entity) => `${entity.label}:${entity.key}`);
  const rows = await writer.tx.run('import/entities-by-uids', { uids });
  const stored = new Map(rows.map((row) => [String(row.uid), row.props as Record<string, unknown>]));
  const writes: Array<{ uid: string; label: NodeLabel; props: Record<string, unknown> }> = [];
  entities.forEach((entity, index) => {
    const before = stored.get(uids[index]) ?? null;
    const props = plannedEntity(writer, entity, before);
    if (!props) {
      counts.entitiesUnchanged += 1;
      return;
    }
    if (before) counts.entitiesUpdated += 1;
    else counts.entitiesCreated += 1;
    writes.push({ uid: uids[index], label: entity.label, props });
    // A later row of the batch for the same entity builds on this one.
    stored.set(uids[index], props);
  });
  if (writes.length === 0) return;
  const [row] = await writer.tx.run('import/merge-entities', { rows: writes });
  if (Number(row.written) !== writes.length) throw new BatchWriteFailed(`wrote ${String(row.written)} of ${writes.length} entities.`);
}

async function writeLinks(writer: Writer, links: readonly BatchLink[], counts: BatchCounts): Promise<void> {
  const byType = new Map<RelationshipType, BatchLink[]>();
  for (const link of links) byType.set(link.type, [...(byType.get(link.type) ?? []), link]);
  for (const [type, group] of byType) {
    const pairs = group.map((link) => ({ fromUid: link.fromUid, toUid: link.toUid }));
    const rows = await runForType(writer, 'import/links-between', type, { pairs });
    const pairKey = (fromUid: string, toUid: string) => `${fromUid}\u0000${toUid}`;
    const stored = new Map(rows.map((row) => [pairKey(String(row.fromUid), String(row.toUid)), row.props as Record<string, unknown>]));
    const writes: Array<{ fromUid: string; toUid: string; props: Record<string, unknown> }> = [];
    for (const link of group) {
      const key = pairKey(link.fromUid, link.toUid);
      const before = stored.get(key) ?? null;
      const props = plannedLink(writer, link, before);
      if (!props) {
        counts.relationshipsUnchanged += 1;
        continue;
      }
      if (before) counts.relationshipsUpdated += 1;
      else counts.relationshipsCreated += 1;
      writes.push({ fromUid: link.fromUid, toUid: link.toUid, props });
      stored.set(key, props);
    }
    if (writes.length === 0) continue;
    const [row] = await runForType(writer, 'import/merge-relationships', type, { rows: writes });
    if (Number(row.written) !== writes.length) throw new BatchWriteFailed(`wrote ${String(row.written)} of ${writes.length} ${type} relationships: an end no longer exists.`);
  }
}

export interface BatchOutcome {
  counts: BatchCounts;
  /** The history entry of the batch; null when it changed nothing (and so recorded nothing). */
  sequence: number | null;
}

/**
 * Writes one batch in the writer's transaction and records it as one IMPORT change, with `source` (the file and
 * lines) as the change's provenance note.
 */
export async function writeBatch(writer: Writer, entities: readonly BatchEntity[], links: readonly BatchLink[], source: string): Promise<BatchOutcome> {
  const counts: BatchCounts = { ...NO_COUNTS };
  await writeEntities(writer, entities, counts);
  await writeLinks(writer, links, counts);
  const changed = counts.entitiesCreated + counts.entitiesUpdated + counts.relationshipsCreated + counts.relationshipsUpdated;
  if (changed === 0) return { counts, sequence: null };
  const sequence = await recordChange(writer, {
    operation: 'IMPORT',
    targetUid: `Import:${writer.batch ?? writer.at.toISOString()}`,
    targetKind: 'IMPORT',
    targetLabel: 'Import',
    changes: Object.entries(counts).map(([name, after]) => ({ name, before: null, after })),
    provenance: { ...entryOf(writer, { confidence: 'HIGH' }), rawLabel: source, note: `Imported from ${source}.` },
    versionAfter: null,
  });
  return { counts, sequence };
}
