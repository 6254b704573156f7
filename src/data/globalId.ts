import { BadInputError } from '../errors';
import { isNodeLabel, type NodeLabel } from '../graph/vocabulary';

/**
 * Global IDs are opaque to clients: base64url of `Label:key`. The readable `Label:key` form is accepted
 * too, so that a person can type `Organization:cgs` in GraphiQL.
 */
export function toGlobalId(uid: string): string {
  return Buffer.from(uid, 'utf8').toString('base64url');
}

export interface DecodedId {
  label: NodeLabel;
  key: string;
  uid: string;
}

const READABLE_UID = /^([A-Za-z]+):(.+)$/;

export function fromGlobalId(id: string, argumentName = 'id'): DecodedId {
  const readable = READABLE_UID.exec(id) ?? READABLE_UID.exec(decodeBase64Url(id));
  if (!readable || !isNodeLabel(readable[1])) {
    throw new BadInputError(argumentName, `"${id}" is not a valid ID. Use an \`id\` returned by this API.`);
  }
  return { label: readable[1], key: readable[2], uid: `${readable[1]}:${readable[2]}` };
}

function decodeBase64Url(value: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return '';
  return Buffer.from(value, 'base64url').toString('utf8');
}
