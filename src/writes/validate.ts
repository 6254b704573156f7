import { LIMITS } from '../limits';
import { ENTITY_FIELDS, ORDERED_FIELD_PAIRS, QUALIFIER_FIELDS, RELATIONSHIP_RULES, keyProblem, type FieldSpec } from '../graph/model';
import { asLocalizedName, languageTagProblem } from '../graph/localizedNames';
import type { NodeLabel, RelationshipType } from '../graph/vocabulary';
import type { UserError } from './userErrors';

/**
 * The rules every write obeys, whether it comes from a mutation, the seed or an import: one-line names
 * without control characters, bounded lengths, real dates and URLs, enum members, end after start, keys
 * that are slugs or real ISO / M49 codes. GraphQL's input coercion checks types first; these rules also
 * guard callers that bypass GraphQL (seed, import), so nothing reaches the graph unchecked.
 */

// C0 and C1 control characters; prose may keep line breaks and tabs. Matching them is the point here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function nameProblem(value: string, field: string[]): UserError | null {
  if (value.trim() === '') return { field, code: 'BLANK', message: 'must not be empty.' };
  if (CONTROL.test(value)) return { field, code: 'CONTROL_CHARACTERS', message: 'must not contain control characters (line breaks, tabs, NUL …).' };
  if (value.length > LIMITS.write.maxNameLength) return { field, code: 'TOO_LONG', message: `is ${value.length} characters long; at most ${LIMITS.write.maxNameLength}.` };
  return null;
}

/** Problems of one value against its field's spec (null and undefined are checked by `required`, not here). */
export function valueProblems(value: unknown, spec: FieldSpec, field: string[]): UserError[] {
  const wrong = (expected: string): UserError[] => [{ field, code: 'INVALID_VALUE', message: `must be ${expected}.` }];
  switch (spec.type) {
    case 'name':
      if (typeof value !== 'string') return wrong('a string');
      return [nameProblem(value, field)].filter((problem): problem is UserError => problem !== null);
    case 'text':
      if (typeof value !== 'string') return wrong('a string');
      if (CONTROL_EXCEPT_LINE_BREAKS.test(value)) return [{ field, code: 'CONTROL_CHARACTERS', message: 'must not contain control characters other than line breaks and tabs.' }];
      if (value.length > LIMITS.write.maxTextLength) return [{ field, code: 'TOO_LONG', message: `is ${value.length} characters long; at most ${LIMITS.write.maxTextLength}.` }];
      return [];
    case 'int':
      return Number.isSafeInteger(value) ? [] : wrong('a whole number');
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? [] : wrong('a number');
    case 'boolean':
      return typeof value === 'boolean' ? [] : wrong('true or false');
    case 'date':
      return typeof value === 'string' && isLocalDate(value) ? [] : wrong('a calendar date as YYYY-MM-DD');
    case 'url':
      if (typeof value !== 'string' || !isHttpUrl(value)) return wrong('an http(s) URL');
      return value.length > LIMITS.write.maxTextLength ? [{ field, code: 'TOO_LONG', message: `at most ${LIMITS.write.maxTextLength} characters.` }] : [];
    case 'enum':
      return typeof value === 'string' && spec.values!.includes(value) ? [] : wrong(`one of ${spec.values!.join(', ')}`);
    case 'nameList':
    case 'enumList': {
      if (!Array.isArray(value)) return wrong('a list');
      if (value.length > LIMITS.write.maxListItems) return [{ field, code: 'TOO_LONG', message: `has ${value.length} items; at most ${LIMITS.write.maxListItems}.` }];
      const item: FieldSpec = { type: spec.type === 'nameList' ? 'name' : 'enum', values: spec.values };
      return value.flatMap((entry, index) => valueProblems(entry, item, [...field, String(index)]));
    }
    case 'localizedNames': {
      if (!Array.isArray(value)) return wrong('a list of names, each with a value, a BCP 47 language tag and a form');
      if (value.length > LIMITS.write.maxListItems) return [{ field, code: 'TOO_LONG', message: `has ${value.length} items; at most ${LIMITS.write.maxListItems}.` }];
      return value.flatMap((entry, index) => localizedNameProblems(entry, spec, [...field, String(index)]));
    }
  }
}

function localizedNameProblems(entry: unknown, spec: FieldSpec, field: string[]): UserError[] {
  const name = asLocalizedName(entry);
  if (!name) return [{ field, code: 'INVALID_VALUE', message: 'must be a name with a value, a language tag and a form (or `<tag>|<FORM>|<value>`).' }];
  const tagProblem = languageTagProblem(name.lang);
  return [
    ...valueProblems(name.value, { type: 'name' }, [...field, 'value']),
    ...(tagProblem ? [{ field: [...field, 'lang'], code: 'INVALID_LANGUAGE_TAG', message: tagProblem }] : []),
    ...valueProblems(name.form, { type: 'enum', values: spec.values }, [...field, 'form']),
  ];
}

function orderProblems(values: Record<string, unknown>, fieldPath: (field: string) => string[]): UserError[] {
  return ORDERED_FIELD_PAIRS.flatMap(([start, end]) => {
    const from = values[start];
    const to = values[end];
    if (from === null || from === undefined || to === null || to === undefined) return [];
    return String(to).padStart(10, '0') < String(from).padStart(10, '0')
      ? [{ field: fieldPath(end), code: 'DATE_ORDER', message: `${end} (${String(to)}) is before ${start} (${String(from)}).` }]
      : [];
  });
}

/**
 * Problems of an entity's fields, keyed by input field name. `complete` is the entity as it will be stored
 * (after an update's changes), so required fields and date order are judged on the result.
 */
export function entityFieldProblems(label: NodeLabel, given: Record<string, unknown>, complete: Record<string, unknown>, prefix: string[]): UserError[] {
  const specs = ENTITY_FIELDS[label];
  const problems: UserError[] = [];
  for (const [field, value] of Object.entries(given)) {
    const spec = specs[field];
    if (!spec) {
      problems.push({ field: [...prefix, field], code: 'UNKNOWN_FIELD', message: `${label} has no field ${field}.` });
      continue;
    }
    if (value !== null && value !== undefined) problems.push(...valueProblems(value, spec, [...prefix, field]));
  }
  for (const [field, spec] of Object.entries(specs)) {
    if (spec.required && (complete[field] === null || complete[field] === undefined)) {
      problems.push({ field: [...prefix, field], code: 'REQUIRED', message: `a ${label} needs ${field}.` });
    }
  }
  problems.push(...orderProblems(complete, (field) => [...prefix, field]));
  return problems;
}

export function keyProblems(label: NodeLabel, key: string, field: string[]): UserError[] {
  const problem = keyProblem(label, key);
  if (!problem) return [];
  const code = label === 'Country' ? 'NOT_A_COUNTRY' : label === 'Region' ? 'NOT_A_REGION' : 'INVALID_KEY';
  return [{ field, code, message: problem }];
}

/** Problems of a link: kinds the type may join, qualifiers it has, and their values. */
export function linkProblems(
  type: RelationshipType,
  fromLabel: NodeLabel,
  toLabel: NodeLabel,
  qualifiers: Record<string, unknown>,
  prefix: string[],
): UserError[] {
  const rule = RELATIONSHIP_RULES[type];
  const problems: UserError[] = [];
  if (!rule.from.includes(fromLabel) || !rule.to.includes(toLabel)) {
    problems.push({
      field: [...prefix, 'type'],
      code: 'LINK_NOT_ALLOWED',
      message: `${type} joins ${rule.from.join('/')} → ${rule.to.join('/')}, not ${fromLabel} → ${toLabel}.`,
    });
  }
  for (const [name, value] of Object.entries(qualifiers)) {
    if (value === null || value === undefined) continue;
    if (!rule.qualifiers.includes(name)) {
      problems.push({
        field: [...prefix, 'qualifiers', name],
        code: 'QUALIFIER_NOT_ALLOWED',
        message: `${type} has no qualifier ${name}${rule.qualifiers.length ? ` (it has ${rule.qualifiers.join(', ')})` : ' (it has none)'}.`,
      });
      continue;
    }
    problems.push(...valueProblems(value, QUALIFIER_FIELDS[name], [...prefix, 'qualifiers', name]));
  }
  problems.push(...orderProblems(qualifiers, (field) => [...prefix, 'qualifiers', field]));
  return problems;
}
