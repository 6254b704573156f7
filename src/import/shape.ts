import { isNodeLabel, isRelationshipType } from '../graph/vocabulary';
import type { ImportProvenance, ImportRecord } from './records';

/**
 * The shape of one record before its values are judged: an entity `{kind, key, fields, provenance}` or a
 * relationship `{type, from, to, qualifiers, provenance}`, nothing else. Values are checked by src/writes/validate.ts.
 */
export type ShapeProblem = { field: string; code: string; message: string };

const ENTITY_KEYS = new Set(['kind', 'key', 'fields', 'provenance']);
const RELATIONSHIP_KEYS = new Set(['type', 'from', 'to', 'qualifiers', 'provenance']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordFromJson(value: unknown): ImportRecord | ShapeProblem {
  if (!isObject(value)) return { field: '', code: 'INVALID_RECORD', message: 'must be a JSON object: an entity {"kind", "key", "fields", "provenance"} or a relationship {"type", "from", "to", "qualifiers", "provenance"}.' };
  const entity = 'kind' in value;
  if (entity === 'type' in value) return { field: '', code: 'INVALID_RECORD', message: 'needs exactly one of "kind" (an entity) or "type" (a relationship).' };
  const allowed = entity ? ENTITY_KEYS : RELATIONSHIP_KEYS;
  const extra = Object.keys(value).find((name) => !allowed.has(name));
  if (extra) return { field: extra, code: 'UNKNOWN_FIELD', message: `an ${entity ? 'entity' : 'relationship'} record has no "${extra}" (it has ${[...allowed].join(', ')}).` };
  const provenance = value.provenance ?? null;
  if (provenance !== null && !isObject(provenance) && !Array.isArray(provenance)) return { field: 'provenance', code: 'INVALID_VALUE', message: 'must be an object {source, quote, confidence, note} or a list of stored entries.' };
  if (entity) {
    if (typeof value.kind !== 'string' || !isNodeLabel(value.kind)) return { field: 'kind', code: 'UNKNOWN_KIND', message: `${JSON.stringify(value.kind)} is not a kind of entity.` };
    if (typeof value.key !== 'string') return { field: 'key', code: 'REQUIRED', message: 'an entity needs its natural key as a string.' };
    const fields = value.fields ?? {};
    if (!isObject(fields)) return { field: 'fields', code: 'INVALID_VALUE', message: 'must be an object of field values.' };
    return { record: 'entity', kind: value.kind, key: value.key, fields, provenance: provenance as ImportProvenance | null };
  }
  if (typeof value.type !== 'string' || !isRelationshipType(value.type)) return { field: 'type', code: 'UNKNOWN_KIND', message: `${JSON.stringify(value.type)} is not a relationship type.` };
  for (const end of ['from', 'to'] as const) {
    if (typeof value[end] !== 'string') return { field: end, code: 'REQUIRED', message: 'a relationship needs both ends as "Label:key" (e.g. "Organization:cgs").' };
  }
  const qualifiers = value.qualifiers ?? {};
  if (!isObject(qualifiers)) return { field: 'qualifiers', code: 'INVALID_VALUE', message: 'must be an object of qualifier values.' };
  return { record: 'relationship', type: value.type, from: value.from as string, to: value.to as string, qualifiers, provenance: provenance as ImportProvenance | null };
}

export function isShapeProblem(value: ImportRecord | ShapeProblem): value is ShapeProblem {
  return 'code' in value;
}
