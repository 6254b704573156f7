import { qualifiersFromStored, storedQualifiers } from '../graph/model';
import { relationshipProperties, withProvenance, type FactValue, type ProvenanceEntry } from '../graph/storedProperties';
import { isNodeLabel, type NodeLabel, type RelationshipType } from '../graph/vocabulary';
import { storedProvenance } from '../data/entityView';
import { checkVersion, recordedEntry, type ProvenanceChange } from './entities';
import { diff, PROVENANCE_FIELD, recordChange, withSequence } from './history';
import { refuseIfAny, type UserError } from './userErrors';
import { linkProblems } from './validate';
import { runForType, type Writer } from './writer';

/**
 * Linking, re-qualifying and unlinking: a link is unique per type and ends, so `link` is an upsert — the
 * same link with the same qualifiers again changes nothing; with other qualifiers it updates them.
 */

export interface StoredLink {
  type: RelationshipType;
  id: string;
  fromUid: string;
  toUid: string;
  props: Record<string, unknown>;
}

export interface LinkWrite {
  link: StoredLink | null;
  created: boolean;
  changed: boolean;
  /** Known once the write has committed (see EntityWrite). */
  readonly sequence: number | null;
}

export function linkUid(type: RelationshipType, id: string): string {
  return `Relationship:${type}:${id}`;
}

function labelOf(uid: string): NodeLabel | null {
  const label = uid.slice(0, uid.indexOf(':'));
  return isNodeLabel(label) ? label : null;
}

async function endLabels(writer: Writer, fromUid: string, toUid: string): Promise<{ from: NodeLabel; to: NodeLabel }> {
  const rows = await writer.tx.run('writes/entity-exists', { uids: [fromUid, toUid] });
  const found = new Map(rows.map((row) => [String(row.uid), row.exists ? (row.label as string) : null]));
  const problems: UserError[] = [];
  if (!found.get(fromUid)) problems.push({ field: ['from'], code: 'NOT_FOUND', message: `no entity ${fromUid}.` });
  if (!found.get(toUid)) problems.push({ field: ['to'], code: 'NOT_FOUND', message: `no entity ${toUid}.` });
  refuseIfAny(problems);
  return { from: found.get(fromUid) as NodeLabel, to: found.get(toUid) as NodeLabel };
}

export function linkState(type: RelationshipType, fromUid: string, toUid: string, qualifiers: Record<string, unknown>, provenance: readonly ProvenanceEntry[], version: number, createdAt: string, at: string, discriminator = '') {
  return relationshipProperties(type, fromUid, toUid, storedQualifiers(qualifiers) as Record<string, FactValue>, provenance, discriminator, {
    version,
    createdAt,
    updatedAt: at,
  });
}

export async function requalify(writer: Writer, link: StoredLink, set: Record<string, unknown>, unset: readonly string[], provenance: ProvenanceChange): Promise<LinkWrite> {
  const version = Number(link.props.version ?? 1);
  const before = qualifiersFromStored(link.type, link.props);
  const after: Record<string, unknown> = { ...before };
  for (const [name, value] of Object.entries(set)) {
    if (value === null || value === undefined) delete after[name];
    else after[name] = value;
  }
  for (const name of unset) delete after[name];
  const provenanceBefore = storedProvenance(link.props);
  const provenanceNow = 'restore' in provenance ? provenance.restore : withProvenance(provenanceBefore, provenance);
  const changes = diff({ ...before, [PROVENANCE_FIELD]: provenanceBefore }, { ...after, [PROVENANCE_FIELD]: provenanceNow });
  const outdated = link.props.version === undefined || link.props.confidenceRank === undefined;
  if (changes.length === 0 && !outdated) return { link, created: false, changed: false, sequence: null };
  const at = writer.at.toISOString();
  const props = linkState(link.type, link.fromUid, link.toUid, after, provenanceNow, version + (changes.length ? 1 : 0), String(link.props.createdAt ?? at), at, String(link.props.discriminator ?? ''));
  // The id stays what it was (a seeded or synthetic id need not be re-derivable from today's ends).
  props.id = link.id;
  const [row] = await runForType(writer, 'writes/replace-relationship', link.type, { id: link.id, props });
  if (changes.length === 0) return { link: { ...link, props: row.props as Record<string, unknown> }, created: false, changed: false, sequence: null };
  const recorded = await recordChange(writer, {
    operation: 'UPDATE_LINK',
    targetUid: linkUid(link.type, link.id),
    targetKind: 'RELATIONSHIP',
    targetLabel: link.type,
    changes,
    provenance: recordedEntry(provenance),
    versionAfter: version + 1,
    fromUid: link.fromUid,
    toUid: link.toUid,
  });
  return withSequence({ link: { ...link, props: row.props as Record<string, unknown> }, created: false, changed: true }, recorded);
}

/** Creates the link of `type` between two entities, or brings its qualifiers up to the given ones. */
export async function link(writer: Writer, type: RelationshipType, fromUid: string, toUid: string, qualifiers: Record<string, unknown>, provenance: ProvenanceChange): Promise<LinkWrite> {
  const ends = await endLabels(writer, fromUid, toUid);
  refuseIfAny(linkProblems(type, ends.from, ends.to, qualifiers, []));
  const [existing] = await runForType(writer, 'writes/find-link', type, { fromUid, toUid });
  if (existing?.id) {
    const stored: StoredLink = { type, id: String(existing.id), fromUid, toUid, props: existing.props as Record<string, unknown> };
    return requalify(writer, stored, qualifiers, [], provenance);
  }
  const at = writer.at.toISOString();
  const given = Object.fromEntries(Object.entries(qualifiers).filter(([, value]) => value !== null && value !== undefined));
  const stored = 'restore' in provenance ? provenance.restore : [provenance];
  const props = linkState(type, fromUid, toUid, given, stored, 1, at, at);
  const [row] = await runForType(writer, 'writes/create-relationship', type, { fromUid, toUid, props });
  const created: StoredLink = { type, id: String(props.id), fromUid, toUid, props: row.props as Record<string, unknown> };
  const recorded = await recordChange(writer, {
    operation: 'LINK',
    targetUid: linkUid(type, created.id),
    targetKind: 'RELATIONSHIP',
    targetLabel: type,
    changes: diff({}, { ...given, [PROVENANCE_FIELD]: stored }),
    provenance: recordedEntry(provenance),
    versionAfter: 1,
    fromUid,
    toUid,
  });
  return withSequence({ link: created, created: true, changed: true }, recorded);
}

export async function lockLink(writer: Writer, type: RelationshipType, id: string): Promise<StoredLink | null> {
  const [row] = await runForType(writer, 'writes/lock-relationship', type, { id });
  if (!row) return null;
  return { type, id, fromUid: String(row.fromUid), toUid: String(row.toUid), props: row.props as Record<string, unknown> };
}

function notFound(type: RelationshipType, id: string): never {
  refuseIfAny([{ field: ['id'], code: 'NOT_FOUND', message: `no ${type} relationship ${id}.` }]);
  throw new Error('unreachable');
}

export async function updateLink(
  writer: Writer,
  type: RelationshipType,
  id: string,
  set: Record<string, unknown>,
  unset: readonly string[],
  provenance: ProvenanceEntry,
  expectedVersion?: number | null,
): Promise<LinkWrite> {
  const stored = (await lockLink(writer, type, id)) ?? notFound(type, id);
  checkVersion(linkUid(type, id), expectedVersion, Number(stored.props.version ?? 1));
  const from = labelOf(stored.fromUid)!;
  const to = labelOf(stored.toUid)!;
  refuseIfAny(linkProblems(type, from, to, { ...set, ...Object.fromEntries(unset.map((name) => [name, null])) }, ['set']));
  return requalify(writer, stored, set, unset, provenance);
}

export async function unlink(writer: Writer, type: RelationshipType, id: string, provenance: ProvenanceEntry, expectedVersion?: number | null): Promise<{ readonly sequence: number | null; link: StoredLink }> {
  const stored = (await lockLink(writer, type, id)) ?? notFound(type, id);
  checkVersion(linkUid(type, id), expectedVersion, Number(stored.props.version ?? 1));
  await runForType(writer, 'writes/delete-relationship', type, { id });
  const recorded = await recordChange(writer, {
    operation: 'UNLINK',
    targetUid: linkUid(type, id),
    targetKind: 'RELATIONSHIP',
    targetLabel: type,
    changes: diff({ ...qualifiersFromStored(type, stored.props), [PROVENANCE_FIELD]: storedProvenance(stored.props) }, {}),
    provenance,
    versionAfter: null,
    versionBefore: Number(stored.props.version ?? 1),
    fromUid: stored.fromUid,
    toUid: stored.toUid,
  });
  return withSequence({ link: stored }, recorded);
}
