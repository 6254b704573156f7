import { fieldsFromStored, qualifiersFromStored, storedFromFields } from '../graph/model';
import { entityProperties, withProvenance, type FactValue, type ProvenanceEntry } from '../graph/storedProperties';
import type { NodeLabel, RelationshipType } from '../graph/vocabulary';
import { storedProvenance } from '../data/entityView';
import { keptProperties, withoutNulls } from './entities';
import { diff, PROVENANCE_FIELD, recordChange, withSequence } from './history';
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

const linkIdentity = (type: RelationshipType, fromUid: string, toUid: string) => `${type}\u0000${fromUid}\u0000${toUid}`;

/**
 * What the committed batches of one import created: a relationship with an end this import created can only
 * exist if this import wrote it, so such pairs need no read before the write. A concurrent writer that linked a
 * fresh entity in between makes the batch's CREATE fail on the relationship-id constraint: it rolls back, it never
 * overwrites. Only committed batches are remembered (`remember` after the transaction), so a retried or failed
 * batch leaves nothing behind.
 */
export class ImportMemory {
  private readonly createdUids = new Set<string>();
  private readonly writtenLinks = new Set<string>();

  remember(outcome: BatchOutcome): void {
    for (const uid of outcome.createdUids) this.createdUids.add(uid);
    for (const identity of outcome.writtenLinks) this.writtenLinks.add(identity);
  }

  created(uid: string): boolean {
    return this.createdUids.has(uid);
  }

  wrote(type: RelationshipType, fromUid: string, toUid: string): boolean {
    return this.writtenLinks.has(linkIdentity(type, fromUid, toUid));
  }
}

const NOTHING_REMEMBERED = new ImportMemory();

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

async function writeEntities(writer: Writer, entities: readonly BatchEntity[], counts: BatchCounts, createdUids: Set<string>): Promise<void> {
  if (entities.length === 0) return;
  const uids = entities.map((entity) => `${entity.label}:${entity.key}`);
  const rows = await writer.tx.run('import/entities-by-uids', { uids });
  const stored = new Map(rows.map((row) => [String(row.uid), row.props as Record<string, unknown>]));
  // New entities are CREATEd (the uid constraint refuses one a concurrent writer made meanwhile), stored ones
  // MERGEd. A later row of the batch for the same entity builds on the earlier one and replaces its write.
  const writes = new Map<string, { uid: string; label: NodeLabel; props: Record<string, unknown>; create: boolean }>();
  entities.forEach((entity, index) => {
    const uid = uids[index];
    const before = stored.get(uid) ?? null;
    const props = plannedEntity(writer, entity, before);
    if (!props) {
      counts.entitiesUnchanged += 1;
      return;
    }
    if (before) counts.entitiesUpdated += 1;
    else counts.entitiesCreated += 1;
    if (!before) createdUids.add(uid);
    writes.set(uid, { uid, label: entity.label, props, create: writes.get(uid)?.create ?? !before });
    stored.set(uid, props);
  });
  await writePlanned(writer, { create: 'import/create-entities', merge: 'import/merge-entities' }, null, writes.values(), 'entities');
}

/** Planned writes, each flagged `create` (absent before the batch) or not: the new ones CREATEd, the rest MERGEd. */
async function writePlanned<Row extends { create: boolean }>(
  writer: Writer,
  statements: { create: string; merge: string },
  type: RelationshipType | null,
  planned: Iterable<Row>,
  what: string,
): Promise<void> {
  const rows = { create: [] as Array<Omit<Row, 'create'>>, merge: [] as Array<Omit<Row, 'create'>> };
  for (const { create, ...row } of planned) rows[create ? 'create' : 'merge'].push(row);
  for (const statement of ['create', 'merge'] as const) {
    const written = rows[statement];
    if (written.length === 0) continue;
    const name = statements[statement];
    const [row] = type ? await runForType(writer, name, type, { rows: written }) : await writer.tx.run(name, { rows: written });
    if (Number(row.written) !== written.length) throw new BatchWriteFailed(`wrote ${String(row.written)} of ${written.length} ${what}${type ? ': an end no longer exists' : ''}.`);
  }
}

async function writeLinks(writer: Writer, links: readonly BatchLink[], counts: BatchCounts, memory: ImportMemory, createdUids: ReadonlySet<string>, writtenLinks: Set<string>): Promise<void> {
  const byType = new Map<RelationshipType, BatchLink[]>();
  for (const link of links) {
    const group = byType.get(link.type);
    if (group) group.push(link);
    else byType.set(link.type, [link]);
  }
  const fresh = (uid: string) => createdUids.has(uid) || memory.created(uid);
  for (const [type, group] of byType) {
    // Only a pair with both ends older than this import, or one this import already linked, can be stored.
    const pairs = group
      .filter((link) => !(fresh(link.fromUid) || fresh(link.toUid)) || memory.wrote(type, link.fromUid, link.toUid))
      .map((link) => ({ fromUid: link.fromUid, toUid: link.toUid }));
    const rows = pairs.length > 0 ? await runForType(writer, 'import/links-between', type, { pairs }) : [];
    const stored = new Map(rows.map((row) => [linkIdentity(type, String(row.fromUid), String(row.toUid)), row.props as Record<string, unknown>]));
    // As for entities: new relationships are CREATEd (the relationship-id constraint refuses a parallel one), stored ones MERGEd.
    const writes = new Map<string, { fromUid: string; toUid: string; props: Record<string, unknown>; create: boolean }>();
    for (const link of group) {
      const identity = linkIdentity(type, link.fromUid, link.toUid);
      const before = stored.get(identity) ?? null;
      const props = plannedLink(writer, link, before);
      if (!props) {
        counts.relationshipsUnchanged += 1;
        continue;
      }
      if (before) counts.relationshipsUpdated += 1;
      else counts.relationshipsCreated += 1;
      writes.set(identity, { fromUid: link.fromUid, toUid: link.toUid, props, create: writes.get(identity)?.create ?? !before });
      writtenLinks.add(identity);
      stored.set(identity, props);
    }
    await writePlanned(writer, { create: 'import/create-relationships', merge: 'import/merge-relationships' }, type, writes.values(), `${type} relationships`);
  }
}

export interface BatchOutcome {
  counts: BatchCounts;
  /** Uids of the entities the batch created, and identities of the relationships it wrote (for `ImportMemory`). */
  createdUids: ReadonlySet<string>;
  writtenLinks: ReadonlySet<string>;
  /** The history entry of the batch; null when it changed nothing (and so recorded nothing). */
  sequence: number | null;
}

/**
 * Writes one batch in the writer's transaction and records it as one IMPORT change, with `source` (the file and
 * lines) as the change's provenance note.
 */
export async function writeBatch(
  writer: Writer,
  entities: readonly BatchEntity[],
  links: readonly BatchLink[],
  source: string,
  memory: ImportMemory = NOTHING_REMEMBERED,
): Promise<BatchOutcome> {
  const counts: BatchCounts = { ...NO_COUNTS };
  const createdUids = new Set<string>();
  const writtenLinks = new Set<string>();
  await writeEntities(writer, entities, counts, createdUids);
  await writeLinks(writer, links, counts, memory, createdUids, writtenLinks);
  const changed = counts.entitiesCreated + counts.entitiesUpdated + counts.relationshipsCreated + counts.relationshipsUpdated;
  if (changed === 0) return { counts, sequence: null, createdUids, writtenLinks };
  const recorded = await recordChange(writer, {
    operation: 'IMPORT',
    targetUid: `Import:${writer.batch ?? writer.at.toISOString()}`,
    targetKind: 'IMPORT',
    targetLabel: 'Import',
    changes: Object.entries(counts).map(([name, after]) => ({ name, before: null, after })),
    provenance: { ...entryOf(writer, { confidence: 'HIGH' }), rawLabel: source, note: `Imported from ${source}.` },
    versionAfter: null,
  });
  return withSequence({ counts, createdUids, writtenLinks }, recorded);
}
