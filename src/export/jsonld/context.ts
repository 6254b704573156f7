import type { NodeLabel, RelationshipType } from '../../graph/vocabulary';

/**
 * The published JSON-LD context (`GET /context.jsonld`) and the IRIs of the export. Our own vocabulary lives
 * under VOCABULARY_IRI: every property without a schema.org (or PROV-O) counterpart expands there through
 * `@vocab`. Entities get stable IRIs from their natural key (`…/id/Organization/cgs`), relationships from their
 * type and stored id (`…/id/relationship/MEMBER_OF/<id>`), so the same fact has the same IRI in every export.
 */
export const BASE_IRI = 'https://geocoop.example/';
export const VOCABULARY_IRI = `${BASE_IRI}vocab#`;
export const CONTEXT_PATH = '/context.jsonld';
export const JSONLD_CONTENT_TYPE = 'application/ld+json';

export function entityIri(label: NodeLabel, key: string): string {
  return `${BASE_IRI}id/${label}/${encodeURIComponent(key)}`;
}

export function relationshipIri(type: RelationshipType, id: string): string {
  return `${BASE_IRI}id/relationship/${type}/${encodeURIComponent(id)}`;
}

/** schema.org classes for the labels that have one; each node is also typed with our own class (`gc:<Label>`). */
export const SCHEMA_CLASSES: Partial<Record<NodeLabel, string>> = {
  Organization: 'schema:Organization',
  Event: 'schema:Event',
  Project: 'schema:Project',
  Country: 'schema:Country',
  Region: 'schema:Place',
  Person: 'schema:Person',
  Theme: 'schema:DefinedTerm',
  Source: 'schema:CreativeWork',
  TrainingProgram: 'schema:EducationalOccupationalProgram',
};

/** Relationship types that are a schema.org property in the same direction; the others are `gc:<TYPE>`. */
const SCHEMA_PREDICATES: Partial<Record<RelationshipType, string>> = {
  PART_OF: 'schema:parentOrganization',
  MEMBER_OF: 'schema:memberOf',
  IN_REGION: 'schema:containedInPlace',
  PART_OF_REGION: 'schema:containedInPlace',
  AFFILIATED_WITH: 'schema:affiliation',
  HELD_IN: 'schema:location',
  HAS_THEME: 'schema:keywords',
  ABOUT: 'schema:about',
};

export const RELATIONSHIP_TERMS: readonly RelationshipType[] = [
  'PART_OF', 'HEADQUARTERED_IN', 'MEMBER_OF', 'IN_REGION', 'PART_OF_REGION', 'HOLDS', 'AFFILIATED_WITH', 'POSITION_IN',
  'HELD_BY_STAFF_OF', 'ORGANIZED', 'IN_SERIES_OF', 'HELD_IN', 'PARTICIPATES_IN', 'TARGETS', 'HAS_THEME', 'PARTY_TO',
  'PROVIDES', 'TRAINEES_FROM', 'ABOUT', 'SCOPED_TO', 'CONCERNS',
];

const DATE_TERMS = ['startDate', 'endDate', 'signedOn', 'publishedOn', 'retrievedOn', 'plannedStart', 'actualStart', 'plannedEnd', 'actualEnd'];

/** The predicate IRI a relationship type expands to. */
export function predicateIri(type: RelationshipType): string {
  const mapped = SCHEMA_PREDICATES[type];
  return mapped ? `https://schema.org/${mapped.slice('schema:'.length)}` : `${VOCABULARY_IRI}${type}`;
}

function buildContext(): Record<string, unknown> {
  const terms: Record<string, unknown> = {
    '@version': 1.1,
    '@vocab': VOCABULARY_IRI,
    gc: VOCABULARY_IRI,
    schema: 'https://schema.org/',
    prov: 'http://www.w3.org/ns/prov#',
    rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    id: '@id',
    type: '@type',
    // Identity: the API's global ID (for `node(id:)`), equivalent records elsewhere.
    identifier: 'schema:identifier',
    sameAs: { '@id': 'schema:sameAs', '@type': '@id', '@container': '@set' },
    // Facts with a schema.org counterpart; everything else is gc:<name> through @vocab.
    name: 'schema:name',
    // Deprecated `nameZh` (nodes written before `names`): its values are simplified Chinese, as the API reads them.
    nameZh: { '@id': 'schema:name', '@language': 'zh-Hans' },
    aliases: { '@id': 'schema:alternateName', '@container': '@set' },
    description: 'schema:description',
    website: { '@id': 'schema:url', '@type': '@id' },
    url: { '@id': 'schema:url', '@type': '@id' },
    ...Object.fromEntries(DATE_TERMS.map((term) => [term, { '@id': term === 'startDate' || term === 'endDate' ? `schema:${term}` : `gc:${term}`, '@type': 'xsd:date' }])),
    // Lists of enum values or words stay sets of plain literals.
    ...Object.fromEntries(['collaborationTypes', 'lists', 'partnerTypes', 'agreementTypes', 'sourceKeys'].map((term) => [term, { '@id': `gc:${term}`, '@container': '@set' }])),
    // Relationships: the asserted link, and the statement that qualifies it (see below).
    ...Object.fromEntries(RELATIONSHIP_TERMS.map((type) => [type, { '@id': SCHEMA_PREDICATES[type] ?? `gc:${type}`, '@type': '@id' }])),
    Statement: 'rdf:Statement',
    subject: { '@id': 'rdf:subject', '@type': '@id' },
    predicate: { '@id': 'rdf:predicate', '@type': '@vocab' },
    object: { '@id': 'rdf:object', '@type': '@id' },
    relationshipType: 'gc:relationshipType',
    // Provenance (PROV-O): the sources a fact was derived from, and per source a qualified derivation with the
    // source's exact words, our confidence in the reading, a note and the source's own spelling.
    wasDerivedFrom: { '@id': 'prov:wasDerivedFrom', '@type': '@id', '@container': '@set' },
    qualifiedDerivation: { '@id': 'prov:qualifiedDerivation', '@container': '@set' },
    Derivation: 'prov:Derivation',
    entity: { '@id': 'prov:entity', '@type': '@id' },
    quote: 'gc:quote',
    confidence: 'gc:confidence',
    note: 'gc:note',
    rawLabel: 'gc:rawLabel',
  };
  return { '@context': terms };
}

/** The document served at /context.jsonld. */
export const JSONLD_CONTEXT: Readonly<Record<string, unknown>> = buildContext();
