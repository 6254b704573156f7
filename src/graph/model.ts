import { ISO_ALPHA2_CODES } from './countryCodes';
import { localizedNamesFromStored, NAME_FORMS, storedLocalizedNames } from './localizedNames';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from './vocabulary';

/**
 * What a write may store: per entity kind, the fields of its `<Kind>FieldsInput` and the stored property each
 * one becomes; per relationship type, the kinds it may join and the qualifiers it has. Mutations, the seed and
 * (next) import validate against this one table; a unit test checks it against the SDL's input types.
 */

export type FieldType =
  /** A one-line name or label (no control characters, at most `write.maxNameLength`). */
  | 'name'
  /** Prose: descriptions, notes, statements (line breaks allowed, at most `write.maxTextLength`). */
  | 'text'
  | 'int'
  | 'float'
  | 'date'
  | 'url'
  | 'boolean'
  /** A member of a GraphQL enum (GraphQL checks the value; import checks it against `values`). */
  | 'enum'
  | 'nameList'
  | 'enumList'
  /** Names with a BCP 47 language tag and a form (src/graph/localizedNames.ts); stored as encoded strings. */
  | 'localizedNames';

export interface FieldSpec {
  type: FieldType;
  /** The stored property (defaults to the field's name). */
  property?: string;
  /** Enum members, for `enum` and `enumList`. */
  values?: readonly string[];
  /** Must be given on create. */
  required?: boolean;
}

const ORGANIZATION_KINDS = ['GEOLOGICAL_SURVEY', 'INTERGOVERNMENTAL_ORGANIZATION', 'NON_GOVERNMENTAL_ORGANIZATION', 'REGIONAL_ORGANIZATION', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'GOVERNMENT_BODY', 'NETWORK', 'SCIENTIFIC_ASSOCIATION'];
/** Where an organization works: one country, one region of the world, or worldwide. */
const ORGANIZATION_SCOPES = ['NATIONAL', 'REGIONAL', 'GLOBAL'];
/** The kinds of partner the source names ("foreign geological surveys, international and regional geoscientific organizations, research institutes and universities"). */
export const PARTNER_TYPES = ['GEOLOGICAL_SURVEY', 'INTERNATIONAL_ORGANIZATION', 'REGIONAL_ORGANIZATION', 'RESEARCH_INSTITUTE', 'UNIVERSITY'];
const EVENT_KINDS = ['CONFERENCE', 'MEETING', 'ANNUAL_SESSION', 'CONGRESS', 'SYMPOSIUM'];
const SOURCE_KINDS = ['PRIMARY_SOURCE', 'PUBLIC_REFERENCE', 'STANDARD', 'SYNTHETIC'];
const CLAIM_QUALIFIERS = ['EXACT', 'MORE_THAN', 'AT_LEAST', 'APPROXIMATELY'];
/** How much of a `validFrom` / `validTo` date is known; BEFORE_SOURCE_DATE: no date, only that it was before the source was written. */
export const DATE_PRECISIONS = ['DAY', 'MONTH', 'YEAR', 'BEFORE_SOURCE_DATE', 'UNKNOWN'];
/** How complete the source says a list is (docs/model.md, "Completeness"): an open list ("such as", "and so on") is PARTIAL. */
export const COMPLETENESS = ['COMPLETE', 'PARTIAL', 'UNKNOWN'];

export const ENTITY_FIELDS: Record<NodeLabel, Readonly<Record<string, FieldSpec>>> = {
  Source: {
    name: { type: 'name' },
    title: { type: 'name', required: true },
    url: { type: 'url' },
    publisher: { type: 'name' },
    sourceKind: { type: 'enum', property: 'kind', values: SOURCE_KINDS, required: true },
    publishedOn: { type: 'date' },
    retrievedOn: { type: 'date' },
    note: { type: 'text' },
  },
  Country: {
    name: { type: 'name', required: true },
    alpha3: { type: 'name' },
    numericCode: { type: 'name', property: 'numeric' },
    aliases: { type: 'nameList' },
    names: { type: 'localizedNames', values: NAME_FORMS },
  },
  Region: {
    name: { type: 'name', required: true },
    level: { type: 'enum', values: ['WORLD', 'CONTINENT', 'SUB_REGION', 'INTERMEDIATE_REGION'] },
    aliases: { type: 'nameList' },
    sourceLabels: { type: 'nameList' },
    names: { type: 'localizedNames', values: NAME_FORMS },
  },
  Organization: {
    name: { type: 'name', required: true },
    acronym: { type: 'name' },
    aliases: { type: 'nameList' },
    names: { type: 'localizedNames', values: NAME_FORMS },
    /** Deprecated: a Chinese name now goes in `names` with a `zh-…` tag; still read and written as it was. */
    nameZh: { type: 'name' },
    organizationKind: { type: 'enum', property: 'kind', values: ORGANIZATION_KINDS },
    scope: { type: 'enum', values: ORGANIZATION_SCOPES },
    foundedYear: { type: 'int' },
    foundingNote: { type: 'text' },
    rorId: { type: 'url' },
    wikidataId: { type: 'name' },
    website: { type: 'url' },
  },
  Agreement: {
    name: { type: 'name', required: true },
    agreementKind: { type: 'enum', property: 'kind', values: ['MOU', 'PROJECT_AGREEMENT'] },
    signedOn: { type: 'date' },
    startDate: { type: 'date' },
    endDate: { type: 'date' },
  },
  Project: {
    name: { type: 'name', required: true },
    description: { type: 'text' },
    level: { type: 'enum', values: ['PROGRAMME', 'PROJECT'] },
    status: { type: 'enum', values: ['PIPELINE', 'IMPLEMENTATION', 'FINALISATION', 'CLOSED', 'CANCELLED', 'SUSPENDED'] },
    collaborationTypes: { type: 'enumList', values: ['BILATERAL', 'MULTILATERAL'] },
    partnerDescription: { type: 'text' },
    partnerTypes: { type: 'enumList', values: PARTNER_TYPES },
    partnerTypeLabels: { type: 'nameList' },
    plannedStart: { type: 'date' },
    actualStart: { type: 'date' },
    plannedEnd: { type: 'date' },
    actualEnd: { type: 'date' },
  },
  Theme: {
    name: { type: 'name', required: true },
    sourceLabel: { type: 'name' },
    lists: { type: 'enumList', values: ['PROJECT_THEME', 'FOCUS_AREA'] },
  },
  Person: {
    name: { type: 'name', required: true },
    orcid: { type: 'name' },
  },
  Position: {
    name: { type: 'name', required: true },
    title: { type: 'name' },
    description: { type: 'text' },
  },
  Event: {
    name: { type: 'name', required: true },
    officialName: { type: 'name' },
    aliases: { type: 'nameList' },
    names: { type: 'localizedNames', values: NAME_FORMS },
    eventKind: { type: 'enum', property: 'kind', values: EVENT_KINDS },
    year: { type: 'int' },
    edition: { type: 'int' },
    series: { type: 'name' },
    city: { type: 'name' },
    startDate: { type: 'date' },
    endDate: { type: 'date' },
  },
  TrainingProgram: {
    name: { type: 'name', required: true },
    description: { type: 'text' },
    traineeDescription: { type: 'text' },
    traineeCount: { type: 'int', property: 'traineeCountMin' },
    traineeCountQualifier: { type: 'enum', values: CLAIM_QUALIFIERS },
    countryCount: { type: 'int' },
  },
  Claim: {
    name: { type: 'name', required: true },
    statement: { type: 'text', required: true },
    metric: { type: 'name', required: true },
    value: { type: 'float', required: true },
    unit: { type: 'enum', values: ['COUNTRIES', 'PEOPLE', 'ORGANIZATIONS', 'EVENTS'], required: true },
    qualifier: { type: 'enum', values: CLAIM_QUALIFIERS, required: true },
    period: { type: 'name' },
    partnerTypes: { type: 'nameList' },
    agreementTypes: { type: 'nameList' },
    /** A claim about a list (the relationships of `listRelationshipType` in `listDirection` of what it is ABOUT). */
    completeness: { type: 'enum', values: COMPLETENESS },
    completenessWords: { type: 'nameList' },
    listRelationshipType: { type: 'enum', values: RELATIONSHIP_TYPES },
    listDirection: { type: 'enum', values: ['OUTGOING', 'INCOMING'] },
  },
};

/** Pairs of date (or year) fields where the second may not come before the first. */
export const ORDERED_FIELD_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['startDate', 'endDate'],
  ['plannedStart', 'plannedEnd'],
  ['actualStart', 'actualEnd'],
  ['startYear', 'endYear'],
  ['validFrom', 'validTo'],
];

/** The qualifiers of `LinkQualifiersInput`, and the stored property each becomes. */
export const QUALIFIER_FIELDS: Readonly<Record<string, FieldSpec>> = {
  startDate: { type: 'date' },
  endDate: { type: 'date' },
  startYear: { type: 'int' },
  endYear: { type: 'int' },
  city: { type: 'name' },
  asOf: { type: 'name' },
  holderNamed: { type: 'boolean' },
  sourceLabel: { type: 'name' },
  mapping: { type: 'enum', values: ['EXACT', 'CLOSEST', 'AMBIGUOUS'] },
  count: { type: 'int' },
  organizerRole: { type: 'enum', property: 'role', values: ['ORGANIZER', 'CO_ORGANIZER', 'HOST'] },
  participationRole: { type: 'enum', property: 'role', values: ['FUNDING', 'ACCOUNTABLE', 'EXTENDING', 'IMPLEMENTING'] },
  partyRole: { type: 'name', property: 'role' },
  validFrom: { type: 'date' },
  validFromPrecision: { type: 'enum', values: DATE_PRECISIONS },
  validTo: { type: 'date' },
  validToPrecision: { type: 'enum', values: DATE_PRECISIONS },
  validPeriodLabel: { type: 'name' },
};

/**
 * Every relationship can say when it held (docs/model.md, "Time"); `asOf` reads filter on it. Stored under their
 * own names, and read on `Relationship` and on every typed edge.
 */
export const TEMPORAL_PROPERTIES = ['validFrom', 'validFromPrecision', 'validTo', 'validToPrecision', 'validPeriodLabel'] as const;
const TEMPORAL_QUALIFIERS = TEMPORAL_PROPERTIES;

export interface RelationshipRule {
  /** Kinds at the start and at the end. */
  from: readonly NodeLabel[];
  to: readonly NodeLabel[];
  /** Names of QUALIFIER_FIELDS this type has. */
  qualifiers: readonly string[];
}

const ANY: readonly NodeLabel[] = NODE_LABELS.filter((label) => label !== 'Source');

export const RELATIONSHIP_RULES: Record<RelationshipType, RelationshipRule> = {
  PART_OF: { from: ['Organization'], to: ['Organization'], qualifiers: ['startDate', 'endDate', 'startYear', 'endYear', ...TEMPORAL_QUALIFIERS] },
  HEADQUARTERED_IN: { from: ['Organization'], to: ['Country'], qualifiers: ['city', ...TEMPORAL_QUALIFIERS] },
  MEMBER_OF: { from: ['Country'], to: ['Organization'], qualifiers: ['asOf', ...TEMPORAL_QUALIFIERS] },
  IN_REGION: { from: ['Country'], to: ['Region'], qualifiers: [...TEMPORAL_QUALIFIERS] },
  PART_OF_REGION: { from: ['Region'], to: ['Region'], qualifiers: [...TEMPORAL_QUALIFIERS] },
  HOLDS: { from: ['Person'], to: ['Position'], qualifiers: ['startDate', 'endDate', ...TEMPORAL_QUALIFIERS] },
  AFFILIATED_WITH: { from: ['Person'], to: ['Organization'], qualifiers: ['startDate', 'endDate', ...TEMPORAL_QUALIFIERS] },
  POSITION_IN: { from: ['Position'], to: ['Organization'], qualifiers: [...TEMPORAL_QUALIFIERS] },
  HELD_BY_STAFF_OF: { from: ['Position'], to: ['Organization'], qualifiers: ['holderNamed', ...TEMPORAL_QUALIFIERS] },
  ORGANIZED: { from: ['Organization'], to: ['Event'], qualifiers: ['organizerRole', ...TEMPORAL_QUALIFIERS] },
  IN_SERIES_OF: { from: ['Event'], to: ['Organization'], qualifiers: [...TEMPORAL_QUALIFIERS] },
  HELD_IN: { from: ['Event'], to: ['Country'], qualifiers: ['city', ...TEMPORAL_QUALIFIERS] },
  PARTICIPATES_IN: { from: ['Organization'], to: ['Project'], qualifiers: ['participationRole', ...TEMPORAL_QUALIFIERS] },
  TARGETS: { from: ['Project'], to: ['Region', 'Country'], qualifiers: ['sourceLabel', 'mapping', ...TEMPORAL_QUALIFIERS] },
  HAS_THEME: { from: ['Project'], to: ['Theme'], qualifiers: [...TEMPORAL_QUALIFIERS] },
  CONCERNS: { from: ['Organization', 'Event'], to: ['Theme'], qualifiers: [...TEMPORAL_QUALIFIERS] },
  PARTY_TO: { from: ['Organization'], to: ['Agreement'], qualifiers: ['partyRole', ...TEMPORAL_QUALIFIERS] },
  PROVIDES: { from: ['Organization'], to: ['TrainingProgram'], qualifiers: [...TEMPORAL_QUALIFIERS] },
  TRAINEES_FROM: { from: ['TrainingProgram'], to: ['Region'], qualifiers: ['sourceLabel', 'mapping', 'count', ...TEMPORAL_QUALIFIERS] },
  ABOUT: { from: ['Claim'], to: ANY, qualifiers: [...TEMPORAL_QUALIFIERS] },
  SCOPED_TO: { from: ['Claim'], to: ['Region'], qualifiers: ['sourceLabel', 'mapping', ...TEMPORAL_QUALIFIERS] },
};

/** UN M49 codes of the world, its regions, sub-regions and intermediate regions (not of countries). */
export const M49_REGION_CODES: ReadonlySet<string> = new Set([
  '001', '002', '015', '202', '014', '017', '018', '011', '019', '419', '029', '013', '005', '021',
  '142', '143', '030', '035', '034', '145', '150', '151', '154', '830', '039', '155', '009', '053', '054', '057', '061',
]);

const COUNTRY_CODES: ReadonlySet<string> = new Set(ISO_ALPHA2_CODES);
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

/** Why `key` cannot be the natural key of a `label`, or null when it can. */
export function keyProblem(label: NodeLabel, key: string): string | null {
  if (label === 'Country') return COUNTRY_CODES.has(key) ? null : `"${key}" is not an ISO 3166-1 alpha-2 country code (e.g. CN).`;
  if (label === 'Region') return M49_REGION_CODES.has(key) ? null : `"${key}" is not a UN M49 region code (e.g. 142 for Asia).`;
  return SLUG.test(key) ? null : `"${key}" is not a slug: lower-case letters, digits and inner hyphens, at most 80 characters (e.g. geological-survey-of-japan).`;
}

/** Properties that repeat the natural key under the name the field uses for it (ISO alpha-2, M49). */
export const KEY_ALIAS_PROPERTY: Partial<Record<NodeLabel, string>> = { Country: 'alpha2', Region: 'm49' };

/** Every stored property a write of this label may set (the facts, without derived bookkeeping). */
export function factProperties(label: NodeLabel): string[] {
  return Object.entries(ENTITY_FIELDS[label]).map(([field, spec]) => spec.property ?? field);
}

/** The spec of a stored fact property of `label`, by its stored name. */
export function specOfProperty(label: NodeLabel, property: string): { field: string; spec: FieldSpec } | null {
  for (const [field, spec] of Object.entries(ENTITY_FIELDS[label])) if ((spec.property ?? field) === property) return { field, spec };
  return null;
}

/** Input fields (as the API names them) → stored properties (as Neo4j holds them). */
export function storedFromFields(label: NodeLabel, fields: Record<string, unknown>): Record<string, unknown> {
  const specs = ENTITY_FIELDS[label];
  return Object.fromEntries(
    Object.entries(fields).map(([field, value]) => [
      specs[field]?.property ?? field,
      specs[field]?.type === 'localizedNames' && Array.isArray(value) ? storedLocalizedNames(value) : value,
    ]),
  );
}

/** Stored properties → input fields; properties that are not facts of the label are left out. */
export function fieldsFromStored(label: NodeLabel, stored: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(ENTITY_FIELDS[label])) {
    const value = stored[spec.property ?? field];
    if (value !== undefined && value !== null) fields[field] = spec.type === 'localizedNames' ? localizedNamesFromStored(value) : value;
  }
  return fields;
}

/** Qualifier input fields → stored relationship properties (e.g. organizerRole → role). */
export function storedQualifiers(qualifiers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(qualifiers)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([name, value]) => [QUALIFIER_FIELDS[name]?.property ?? name, value]),
  );
}

/** Stored relationship properties → the qualifier input fields of `type`. */
export function qualifiersFromStored(type: RelationshipType, stored: Record<string, unknown>): Record<string, unknown> {
  const qualifiers: Record<string, unknown> = {};
  for (const name of RELATIONSHIP_RULES[type].qualifiers) {
    const value = stored[QUALIFIER_FIELDS[name].property ?? name];
    if (value !== undefined && value !== null) qualifiers[name] = value;
  }
  return qualifiers;
}
