import { BadInputError } from '../errors';
import { isNodeLabel, isRelationshipType, type NodeLabel, type RelationshipType } from '../graph/vocabulary';

/**
 * Global IDs are opaque to clients: base64url of `Label:key` for entities and of
 * `Relationship:TYPE:id` for relationships (their stored, stable id). The readable forms are accepted too, so
 * that a person can type `Organization:cgs` in GraphiQL.
 */
export function toGlobalId(uid: string): string {
  return Buffer.from(uid, 'utf8').toString('base64url');
}

export function relationshipGlobalId(type: RelationshipType, id: string): string {
  // A relationship read ahead without its id (no edge id selected anywhere in the operation) has none to give.
  if (id === '') throw new Error(`A ${type} relationship was asked for the id it was read without.`);
  return toGlobalId(`Relationship:${type}:${id}`);
}

export interface DecodedId {
  label: NodeLabel;
  key: string;
  uid: string;
}

export interface DecodedRelationshipId {
  type: RelationshipType;
  id: string;
}

export type DecodedAnyId =
  | ({ kind: 'entity' } & DecodedId)
  | ({ kind: 'relationship' } & DecodedRelationshipId)
  | { kind: 'change'; sequence: number };

/** A change of the history: `Change:<sequence>`. */
export function changeGlobalId(sequence: number): string {
  return toGlobalId(`Change:${sequence}`);
}

const READABLE_CHANGE = /^Change:([1-9][0-9]{0,15})$/;

const READABLE_UID = /^([A-Za-z]+):(.+)$/;
const READABLE_RELATIONSHIP = /^Relationship:([A-Z_]+):([A-Za-z0-9_-]+)$/;

/** An entity or a relationship ID; anything else is BAD_USER_INPUT naming the argument. */
export function fromAnyGlobalId(id: string, argumentName = 'id'): DecodedAnyId {
  const text = READABLE_UID.test(id) ? id : decodeBase64Url(id);
  const change = READABLE_CHANGE.exec(text);
  if (change) return { kind: 'change', sequence: Number(change[1]) };
  const relationship = READABLE_RELATIONSHIP.exec(text);
  if (relationship && isRelationshipType(relationship[1])) return { kind: 'relationship', type: relationship[1], id: relationship[2] };
  const readable = READABLE_UID.exec(text);
  if (!readable || !isNodeLabel(readable[1])) {
    throw new BadInputError(argumentName, `"${id}" is not a valid ID. Use an \`id\` returned by this API.`);
  }
  return { kind: 'entity', label: readable[1], key: readable[2], uid: `${readable[1]}:${readable[2]}` };
}

/** An entity ID (a relationship ID here is BAD_USER_INPUT). */
export function fromGlobalId(id: string, argumentName = 'id'): DecodedId {
  const decoded = fromAnyGlobalId(id, argumentName);
  if (decoded.kind !== 'entity') throw new BadInputError(argumentName, `"${id}" is a ${decoded.kind} ID; an entity ID is needed here.`);
  return { label: decoded.label, key: decoded.key, uid: decoded.uid };
}

export function fromRelationshipGlobalId(id: string, argumentName = 'id'): DecodedRelationshipId {
  const decoded = fromAnyGlobalId(id, argumentName);
  if (decoded.kind !== 'relationship') throw new BadInputError(argumentName, `"${id}" is ${decoded.kind === 'entity' ? 'an entity' : 'a change'} ID; a relationship ID is needed here.`);
  return { type: decoded.type, id: decoded.id };
}

function decodeBase64Url(value: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return '';
  return Buffer.from(value, 'base64url').toString('utf8');
}

export function fromChangeGlobalId(id: string, argumentName = 'id'): number {
  const decoded = fromAnyGlobalId(id, argumentName);
  if (decoded.kind !== 'change') throw new BadInputError(argumentName, `"${id}" is not a change ID (use \`id\` of a Change).`);
  return decoded.sequence;
}
