import { relationshipGlobalId, toGlobalId } from '../../data/globalId';
import { localizedNamesFromStored } from '../../graph/localizedNames';
import type { ProvenanceEntry } from '../../graph/storedProperties';
import { factsOf, provenanceOf } from '../facts';
import type { ExportNode, ExportRelationship } from '../reader';
import { JSONLD_CONTEXT, SCHEMA_CLASSES, entityIri, relationshipIri } from './context';

/**
 * The JSON-LD objects of one entity or relationship (compacted against JSONLD_CONTEXT).
 *
 * Qualified statements, without RDF-star: a relationship is asserted as a plain triple (`<a> schema:memberOf <b>`)
 * and described by an `rdf:Statement` node with its own IRI — `rdf:subject`/`rdf:predicate`/`rdf:object`, its
 * qualifiers (`gc:asOf`, `gc:role` …) and its provenance. Provenance, on entities and statements alike, is PROV-O:
 * `prov:wasDerivedFrom` the sources, and per source a `prov:qualifiedDerivation` node (`prov:Derivation`) with
 * `prov:entity` (the source), `gc:quote`, `gc:confidence`, `gc:note` and `gc:rawLabel`.
 */
export type JsonLdObject = Record<string, unknown>;

const CONTEXT_TERMS = new Set(Object.keys(JSONLD_CONTEXT['@context'] as object));

/** A fact whose name is one of the context's own terms (`type`, `entity` …) is written as `gc:<name>`, so it never changes meaning. */
function factKey(name: string, allowed: ReadonlySet<string>): string {
  return CONTEXT_TERMS.has(name) && !allowed.has(name) ? `gc:${name}` : name;
}

const NODE_FACT_TERMS = new Set(['name', 'nameZh', 'aliases', 'description', 'website', 'url', 'startDate', 'endDate', 'signedOn', 'publishedOn', 'retrievedOn', 'plannedStart', 'actualStart', 'plannedEnd', 'actualEnd', 'collaborationTypes', 'lists', 'partnerTypes', 'agreementTypes', 'note']);
const QUALIFIER_TERMS = new Set(['startDate', 'endDate']);

function sourceIri(key: string): string {
  return entityIri('Source', key);
}

function provenanceTerms(entries: readonly ProvenanceEntry[]): JsonLdObject {
  if (entries.length === 0) return {};
  return {
    // Facts entered through the API without a registered source have a derivation without an `entity`.
    wasDerivedFrom: [...new Set(entries.flatMap((entry) => (entry.source ? [sourceIri(entry.source)] : [])))],
    qualifiedDerivation: entries.map((entry) => ({
      type: 'Derivation',
      ...(entry.source ? { entity: sourceIri(entry.source) } : {}),
      confidence: entry.confidence,
      ...(entry.quote !== undefined ? { quote: entry.quote } : {}),
      ...(entry.note !== undefined ? { note: entry.note } : {}),
      ...(entry.rawLabel !== undefined ? { rawLabel: entry.rawLabel } : {}),
    })),
  };
}

/** Equivalent records elsewhere, where the graph knows one: ROR, Wikidata, ORCID, the ISO 3166 code's page. */
function sameAs(node: ExportNode): string[] {
  const { props } = node;
  const links: string[] = [];
  if (typeof props.rorId === 'string') links.push(props.rorId.startsWith('https://') ? props.rorId : `https://ror.org/${props.rorId}`);
  if (typeof props.wikidataId === 'string') links.push(`http://www.wikidata.org/entity/${props.wikidataId}`);
  if (typeof props.orcid === 'string') links.push(`https://orcid.org/${props.orcid}`);
  if (node.label === 'Country') links.push(`https://www.iso.org/obp/ui/#iso:code:3166:${node.key}`);
  return links;
}

/**
 * Language-tagged names as RDF language-tagged strings: a NAME beside the default-language `schema:name`, an
 * ACRONYM or ALIAS beside the `schema:alternateName`s.
 */
function withLocalizedNames(facts: Record<string, unknown>): Record<string, unknown> {
  if (!('names' in facts)) return facts;
  const { names, ...rest } = facts;
  const tagged = localizedNamesFromStored(names);
  const valuesOf = (forms: readonly string[]) => tagged.filter((name) => forms.includes(name.form)).map((name) => ({ '@value': name.value, '@language': name.lang }));
  const asList = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const named = [...asList(rest.name), ...valuesOf(['NAME'])];
  const alternate = [...asList(rest.aliases), ...valuesOf(['ACRONYM', 'ALIAS'])];
  return { ...rest, ...(named.length > 0 ? { name: named } : {}), ...(alternate.length > 0 ? { aliases: alternate } : {}) };
}

export function nodeObject(node: ExportNode): JsonLdObject {
  const schemaClass = SCHEMA_CLASSES[node.label];
  const facts = Object.entries(withLocalizedNames(factsOf(node.props))).map(([name, value]) => [factKey(name, NODE_FACT_TERMS), value] as const);
  const links = sameAs(node);
  return {
    id: entityIri(node.label, node.key),
    type: schemaClass ? [schemaClass, `gc:${node.label}`] : `gc:${node.label}`,
    identifier: toGlobalId(node.uid),
    key: node.key,
    ...Object.fromEntries(facts),
    ...(links.length > 0 ? { sameAs: links } : {}),
    ...provenanceTerms(provenanceOf(node.props)),
  };
}

/** The asserted link, then the statement that qualifies it. */
export function relationshipObjects(relationship: ExportRelationship): [JsonLdObject, JsonLdObject] {
  const [startLabel, startKey] = splitUid(relationship.startUid);
  const [endLabel, endKey] = splitUid(relationship.endUid);
  const subject = entityIri(startLabel, startKey);
  const object = entityIri(endLabel, endKey);
  const qualifiers = Object.entries(factsOf(relationship.props)).map(([name, value]) => [factKey(name, QUALIFIER_TERMS), value] as const);
  return [
    { id: subject, [relationship.type]: object },
    {
      id: relationshipIri(relationship.type, relationship.id),
      type: 'Statement',
      identifier: relationshipGlobalId(relationship.type, relationship.id),
      relationshipType: relationship.type,
      subject,
      predicate: relationship.type,
      object,
      ...Object.fromEntries(qualifiers),
      ...provenanceTerms(provenanceOf(relationship.props)),
    },
  ];
}

function splitUid(uid: string): [Parameters<typeof entityIri>[0], string] {
  const colon = uid.indexOf(':');
  return [uid.slice(0, colon) as Parameters<typeof entityIri>[0], uid.slice(colon + 1)];
}
