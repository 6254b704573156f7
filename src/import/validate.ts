import { ENTITY_FIELDS, fieldsFromStored, type FieldSpec } from '../graph/model';
import type { ProvenanceEntry } from '../graph/storedProperties';
import { isNodeLabel, type NodeLabel } from '../graph/vocabulary';
import type { UserError } from '../writes/userErrors';
import { entityFieldProblems, keyProblems, linkProblems, valueProblems } from '../writes/validate';
import type { EntityImport, ImportProblem, ImportProvenance, ImportRecord, Located, RelationshipImport } from './records';

/**
 * Judges every record with the mutations' own rules (src/writes/validate.ts) and the import's: no key twice in a
 * file, relationship ends and provenance sources that exist in the graph or in the import. It only reads the graph
 * (through `lookup`), so a dry run and a real run reject exactly the same rows.
 */
export interface StoredEntity {
  label: NodeLabel;
  props: Record<string, unknown>;
}

/** What is stored for these uids (absent: no such entity). */
export type EntityLookup = (uids: string[]) => Promise<Map<string, StoredEntity>>;

const CONFIDENCES: FieldSpec = { type: 'enum', values: ['HIGH', 'MEDIUM', 'LOW'] };
const ENTRY_TEXT: Record<string, FieldSpec> = { source: { type: 'name' }, quote: { type: 'text' }, note: { type: 'text' }, rawLabel: { type: 'name' }, enteredBy: { type: 'name' }, enteredOn: { type: 'date' } };
const INPUT_FIELDS = new Set(['source', 'quote', 'confidence', 'note']);

function at(record: Located<ImportRecord>, problem: UserError): ImportProblem {
  return { file: record.file, line: record.line, field: problem.field.join('.'), code: problem.code, message: problem.message };
}

/** The source keys a record's provenance names, and the problems of its shape. */
export function provenanceProblems(provenance: ImportProvenance | null): { problems: UserError[]; sources: string[] } {
  if (provenance === null) return { problems: [], sources: [] };
  const problems: UserError[] = [];
  const sources: string[] = [];
  const check = (entry: Record<string, unknown>, prefix: string[], allowed: ReadonlySet<string> | null) => {
    for (const [name, value] of Object.entries(entry)) {
      if (value === null || value === undefined) continue;
      if (name === 'confidence') problems.push(...valueProblems(value, CONFIDENCES, [...prefix, name]));
      else if (ENTRY_TEXT[name] && (allowed === null || allowed.has(name))) problems.push(...valueProblems(value, ENTRY_TEXT[name], [...prefix, name]));
      else problems.push({ field: [...prefix, name], code: 'UNKNOWN_FIELD', message: `provenance has no field ${name}.` });
      if (name === 'source' && typeof value === 'string') sources.push(value);
    }
  };
  if (Array.isArray(provenance)) {
    if (provenance.length === 0) problems.push({ field: ['provenance'], code: 'BLANK', message: 'a list of provenance entries must not be empty.' });
    provenance.forEach((entry, index) => {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        problems.push({ field: ['provenance', String(index)], code: 'INVALID_VALUE', message: 'must be an object.' });
        return;
      }
      if (!(entry as ProvenanceEntry).confidence) problems.push({ field: ['provenance', String(index), 'confidence'], code: 'REQUIRED', message: 'a stored provenance entry needs its confidence.' });
      check(entry as unknown as Record<string, unknown>, ['provenance', String(index)], null);
    });
  } else check(provenance as Record<string, unknown>, ['provenance'], INPUT_FIELDS);
  return { problems, sources };
}

function labelOfUid(uid: string): { label: NodeLabel; key: string } | null {
  const colon = uid.indexOf(':');
  const label = uid.slice(0, colon);
  return colon > 0 && isNodeLabel(label) ? { label, key: uid.slice(colon + 1) } : null;
}

export interface ValidationResult {
  problems: ImportProblem[];
  /** What the graph holds for the entities the import names (its write step reads them again, locked). */
  stored: Map<string, StoredEntity>;
}

export async function validateRecords(records: ReadonlyArray<Located<ImportRecord>>, lookup: EntityLookup): Promise<ValidationResult> {
  const problems: ImportProblem[] = [];
  const inImport = new Map<string, NodeLabel>();
  const named = new Set<string>();
  for (const record of records) {
    const value = record.value;
    if (value.record === 'entity') {
      inImport.set(`${value.kind}:${value.key}`, value.kind);
      named.add(`${value.kind}:${value.key}`);
    } else {
      named.add(value.from);
      named.add(value.to);
    }
    for (const source of provenanceProblems(value.provenance).sources) named.add(`Source:${source}`);
  }
  const stored = await lookup([...named]);
  const firstLine = new Map<string, number>();
  for (const record of records) {
    const value = record.value;
    const { problems: provenance, sources } = provenanceProblems(value.provenance);
    const found: UserError[] = [...provenance];
    for (const source of sources) {
      if (!inImport.has(`Source:${source}`) && !stored.has(`Source:${source}`)) {
        found.push({ field: ['provenance', 'source'], code: 'UNKNOWN_SOURCE', message: `no Source has the key "${source}", in the graph or in this import.` });
      }
    }
    const identity = value.record === 'entity' ? `${value.kind}:${value.key}` : `${value.type} ${value.from} -> ${value.to}`;
    const duplicateKey = `${record.file}\u0000${identity}`;
    const earlier = firstLine.get(duplicateKey);
    if (earlier !== undefined) found.push({ field: value.record === 'entity' ? ['key'] : ['from'], code: 'DUPLICATE_KEY', message: `${identity} is already on line ${earlier} of this file.` });
    else firstLine.set(duplicateKey, record.line);
    found.push(...(value.record === 'entity' ? entityProblems(value, stored) : relationshipProblems(value, inImport, stored)));
    problems.push(...found.map((problem) => at(record, problem)));
  }
  return { problems, stored };
}

function entityProblems(value: EntityImport, stored: Map<string, StoredEntity>): UserError[] {
  const keyed = keyProblems(value.kind, value.key, ['key']);
  const before = stored.get(`${value.kind}:${value.key}`);
  const given = Object.fromEntries(Object.entries(value.fields).filter(([, field]) => field !== null && field !== undefined));
  // As upsert: fields left out keep their stored values, so required fields and date order are judged on the result.
  const complete = before ? { ...fieldsFromStored(value.kind, before.props), ...given } : given;
  return [...keyed, ...entityFieldProblems(value.kind, value.fields, complete, ['fields'])];
}

function relationshipProblems(value: RelationshipImport, inImport: Map<string, NodeLabel>, stored: Map<string, StoredEntity>): UserError[] {
  const problems: UserError[] = [];
  const labels: Partial<Record<'from' | 'to', NodeLabel>> = {};
  for (const end of ['from', 'to'] as const) {
    const uid = value[end];
    const parsed = labelOfUid(uid);
    if (!parsed) {
      problems.push({ field: [end], code: 'INVALID_KEY', message: `"${uid}" is not "Label:key" of an entity (e.g. Organization:cgs, Country:CN).` });
      continue;
    }
    const keyed = keyProblems(parsed.label, parsed.key, [end]);
    if (keyed.length) {
      problems.push(...keyed);
      continue;
    }
    if (!inImport.has(uid) && !stored.has(uid)) {
      problems.push({ field: [end], code: 'NOT_FOUND', message: `no entity ${uid}, in the graph or in this import.` });
      continue;
    }
    labels[end] = parsed.label;
  }
  if (labels.from && labels.to) problems.push(...linkProblems(value.type, labels.from, labels.to, value.qualifiers, []));
  else problems.push(...linkProblems(value.type, ENTITY_FIELDS_ANY, ENTITY_FIELDS_ANY, value.qualifiers, []).filter((problem) => problem.code !== 'LINK_NOT_ALLOWED'));
  return problems;
}

// With an end unknown, only the qualifiers can still be judged; any label stands in for the ends.
const ENTITY_FIELDS_ANY = Object.keys(ENTITY_FIELDS)[0] as NodeLabel;
