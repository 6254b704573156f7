import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cell, propertyHeader } from '../../src/export/csv/columns';
import { importInstructions } from '../../src/export/csv/zip';
import { graphmlChunks } from '../../src/export/graphml/writer';
import { JSONLD_CONTEXT } from '../../src/export/jsonld/context';
import { nodeObject, relationshipObjects } from '../../src/export/jsonld/document';
import { jsonLdChunks } from '../../src/export/jsonld/writer';
import { columnsFrom, unifyValueTypes } from '../../src/export/propertyTypes';
import type { ExportNode, ExportRelationship, ExportSource } from '../../src/export/reader';
import { subgraphRequest } from '../../src/export/scope';
import type { NodeLabel, RelationshipType } from '../../src/graph/vocabulary';
import { LIMITS } from '../../src/limits';
import { IRI, toTriples, validateGraphml } from '../helpers/exportFiles';
import { tempDataDir } from '../helpers/testNeo4j';

/** The export's pure parts: value types, CSV cells and headers, the JSON-LD shape as triples, GraphML ids, its arguments. */

const provenance = JSON.stringify([
  { source: 'cgs-intl-exchange', quote: 'CGS is a member of CCOP', confidence: 'HIGH' },
  { source: 'ccop-about-organization', confidence: 'MEDIUM', note: 'Undated page.' },
]);

const cgs: ExportNode = {
  uid: 'Organization:cgs',
  label: 'Organization',
  key: 'cgs',
  props: { key: 'cgs', uid: 'Organization:cgs', name: 'China Geological Survey', aliases: ['CGS'], foundedYear: 1999, wikidataId: 'Q123', sortName: 'china geological survey\u001fcgs', provenance, sourceKeys: ['cgs-intl-exchange', 'ccop-about-organization'] },
};
const china: ExportNode = { uid: 'Country:CN', label: 'Country', key: 'CN', props: { key: 'CN', uid: 'Country:CN', name: 'China', alpha2: 'CN' } };
const membership: ExportRelationship = { id: 'rel-1', type: 'MEMBER_OF', startUid: 'Country:CN', endUid: 'Organization:cgs', props: { id: 'rel-1', asOf: '2016', provenance } };

function inMemorySource(nodes: ExportNode[], relationships: ExportRelationship[]): ExportSource {
  const columns = <T extends { props: Record<string, unknown> }>(items: T[], owner: (item: T) => string) => {
    const rows = items.flatMap((item) => Object.entries(item.props).map(([name, value]) => ({ owner: owner(item), name, types: [Array.isArray(value) ? 'LIST<STRING NOT NULL> NOT NULL' : typeof value === 'number' ? 'INTEGER NOT NULL' : 'STRING NOT NULL'] })));
    const owners = [...new Set(rows.map((row) => row.owner))];
    return new Map(owners.map((name) => [name, columnsFrom(rows.filter((row) => row.owner === name))]));
  };
  return {
    nodeColumns: async () => columns(nodes, (node) => node.label) as Map<NodeLabel, ReturnType<typeof columnsFrom>>,
    relationshipColumns: async () => columns(relationships, (relationship) => relationship.type) as Map<RelationshipType, ReturnType<typeof columnsFrom>>,
    async *nodes(label) {
      const batch = nodes.filter((node) => node.label === label);
      if (batch.length > 0) yield batch;
    },
    async *relationships(type) {
      const batch = relationships.filter((relationship) => relationship.type === type);
      if (batch.length > 0) yield batch;
    },
  };
}

async function text(chunks: AsyncGenerator<string | Buffer>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk.toString();
  return all;
}

describe('value types of the property survey', () => {
  it('keeps one type when every value has it, and widens integers mixed with floats to double', () => {
    expect(unifyValueTypes(['INTEGER NOT NULL'])).toEqual({ scalar: 'long', list: false });
    expect(unifyValueTypes(['INTEGER NOT NULL', 'FLOAT NOT NULL'])).toEqual({ scalar: 'double', list: false });
  });

  it('reads lists with their item type, an empty list as a list of the others, and any other mix as text', () => {
    expect(unifyValueTypes(['LIST<STRING NOT NULL> NOT NULL', 'LIST<NOTHING> NOT NULL'])).toEqual({ scalar: 'string', list: true });
    expect(unifyValueTypes(['STRING NOT NULL', 'INTEGER NOT NULL'])).toEqual({ scalar: 'string', list: false });
    expect(unifyValueTypes(['BOOLEAN NOT NULL'])).toEqual({ scalar: 'boolean', list: false });
  });
});

describe('CSV for neo4j-admin', () => {
  it('types headers the way neo4j-admin reads them, text untyped', () => {
    expect(propertyHeader('name', { scalar: 'string', list: false })).toBe('name');
    expect(propertyHeader('year', { scalar: 'long', list: false })).toBe('year:long');
    expect(propertyHeader('aliases', { scalar: 'string', list: true })).toBe('aliases:string[]');
    expect(propertyHeader('holderNamed', { scalar: 'boolean', list: false })).toBe('holderNamed:boolean');
  });

  it('joins list cells with the array delimiter and refuses an item that holds it', () => {
    expect(cell(['a', 'b'], { scalar: 'string', list: true }, 'x')).toBe('a;b');
    expect(cell(undefined, { scalar: 'string', list: false }, 'x')).toBeNull();
    expect(() => cell(['a;b'], { scalar: 'string', list: true }, 'Organization:cgs.aliases')).toThrow(/Organization:cgs\.aliases.*array delimiter/);
  });

  it('gives an import command naming every file, with the delimiter the cells use', () => {
    const command = importInstructions(['Organization', 'Country'], ['MEMBER_OF']);
    expect(command).toContain("--array-delimiter=';'");
    expect(command).toContain('--nodes=nodes/Organization.csv');
    expect(command).toContain('--nodes=nodes/Country.csv');
    expect(command).toContain('--relationships=relationships/MEMBER_OF.csv');
  });
});

describe('the JSON-LD shape', () => {
  const context = JSONLD_CONTEXT['@context'];

  it('types an entity with its schema.org class and ours, and maps its facts and identifiers', async () => {
    const triples = await toTriples({ '@context': context, '@graph': [nodeObject(cgs)] });
    const subject = IRI.entity('Organization', 'cgs');
    expect(triples).toEqual(
      expect.arrayContaining([
        { s: subject, p: IRI.rdfType, o: IRI.schema('Organization') },
        { s: subject, p: IRI.rdfType, o: IRI.gc('Organization') },
        { s: subject, p: IRI.schema('name'), o: '"China Geological Survey"' },
        { s: subject, p: IRI.schema('alternateName'), o: '"CGS"' },
        { s: subject, p: IRI.gc('foundedYear'), o: '"1999"^^<http://www.w3.org/2001/XMLSchema#integer>' },
        { s: subject, p: IRI.schema('sameAs'), o: '<http://www.wikidata.org/entity/Q123>' },
        { s: subject, p: IRI.prov('wasDerivedFrom'), o: IRI.entity('Source', 'cgs-intl-exchange') },
      ]),
    );
    expect(triples.filter((t) => t.p === IRI.gc('sortName'))).toEqual([]);
  });

  it('asserts a relationship and qualifies it with an rdf:Statement carrying qualifiers and one derivation per source', async () => {
    const triples = await toTriples({ '@context': context, '@graph': relationshipObjects(membership) });
    const statement = '<https://geocoop.example/id/relationship/MEMBER_OF/rel-1>';
    expect(triples).toEqual(
      expect.arrayContaining([
        { s: IRI.entity('Country', 'CN'), p: IRI.schema('memberOf'), o: IRI.entity('Organization', 'cgs') },
        { s: statement, p: IRI.rdfType, o: IRI.rdf('Statement') },
        { s: statement, p: IRI.rdf('subject'), o: IRI.entity('Country', 'CN') },
        { s: statement, p: IRI.rdf('predicate'), o: IRI.schema('memberOf') },
        { s: statement, p: IRI.rdf('object'), o: IRI.entity('Organization', 'cgs') },
        { s: statement, p: IRI.gc('asOf'), o: '"2016"' },
      ]),
    );
    const derivations = triples.filter((t) => t.s === statement && t.p === IRI.prov('qualifiedDerivation')).map((t) => t.o);
    const described = derivations.map((node) => Object.fromEntries(triples.filter((t) => t.s === node).map((t) => [t.p, t.o])));
    expect(described).toEqual(
      expect.arrayContaining([
        { [IRI.rdfType]: IRI.prov('Derivation'), [IRI.prov('entity')]: IRI.entity('Source', 'cgs-intl-exchange'), [IRI.gc('quote')]: '"CGS is a member of CCOP"', [IRI.gc('confidence')]: '"HIGH"' },
        { [IRI.rdfType]: IRI.prov('Derivation'), [IRI.prov('entity')]: IRI.entity('Source', 'ccop-about-organization'), [IRI.gc('confidence')]: '"MEDIUM"', [IRI.gc('note')]: '"Undated page."' },
      ]),
    );
    expect(derivations).toHaveLength(2);
  });

  it('writes a fact named like a context keyword under our vocabulary, so it keeps its meaning', async () => {
    const odd: ExportNode = { ...china, props: { ...china.props, type: 'not-a-class', entity: 'x' } };
    const triples = await toTriples({ '@context': context, '@graph': [nodeObject(odd)] });
    expect(triples).toContainEqual({ s: IRI.entity('Country', 'CN'), p: IRI.gc('type'), o: '"not-a-class"' });
    expect(triples).toContainEqual({ s: IRI.entity('Country', 'CN'), p: IRI.gc('entity'), o: '"x"' });
    expect(triples.filter((t) => t.p === IRI.rdfType).map((t) => t.o)).not.toContain('<https://geocoop.example/vocab#not-a-class>');
  });

  it('streams one document that names the published context, or inlines it', async () => {
    const source = inMemorySource([cgs, china], [membership]);
    const linked = JSON.parse(await text(jsonLdChunks(source, { contextUrl: 'http://127.0.0.1/context.jsonld' })));
    expect(linked['@context']).toBe('http://127.0.0.1/context.jsonld');
    expect(linked['@graph']).toHaveLength(4);
    const inline = JSON.parse(await text(jsonLdChunks(source)));
    expect(inline['@context']).toEqual(context);
  });
});

describe('GraphML ids', () => {
  const scratch = tempDataDir('export-unit');
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('stays valid against the XSD when a key is not a name token or a value holds a character XML cannot: global ID, U+FFFD', async () => {
    const spaced: ExportNode = { uid: 'Organization:with space', label: 'Organization', key: 'with space', props: { key: 'with space', name: 'Spaced & <odd>', note: 'unit\u001fseparator' } };
    const edge: ExportRelationship = { id: 'rel-2', type: 'MEMBER_OF', startUid: 'Country:CN', endUid: spaced.uid, props: { id: 'rel-2' } };
    const graphml = await text(graphmlChunks(inMemorySource([spaced, china], [edge])));
    const file = path.join(scratch, 'spaced.graphml');
    fs.writeFileSync(file, graphml);
    expect(validateGraphml(file).valid).toBe(true);
    const encoded = Buffer.from(spaced.uid).toString('base64url');
    expect(graphml).toContain(`<node id="${encoded}">`);
    expect(graphml).toContain(`target="${encoded}"`);
    expect(graphml).toContain('Spaced &amp; &lt;odd&gt;');
    expect(graphml).toContain('unit\uFFFDseparator');
  });

  it('reads back, through an XML parser, a value with quotes, tabs, line ends and markup exactly as stored', async () => {
    const stored = 'He said "a & b"\t<c>\r\nnext line';
    const quoted: ExportNode = { uid: 'Organization:quoted', label: 'Organization', key: 'quoted', props: { key: 'quoted', name: 'Quoted', note: stored } };
    const file = path.join(scratch, 'quoted.graphml');
    fs.writeFileSync(file, await text(graphmlChunks(inMemorySource([quoted], []))));
    expect(validateGraphml(file).valid).toBe(true);
    const read = execFileSync('xmllint', ['--xpath', 'string(//*[local-name()="data"][@key="n_note"])', file], { encoding: 'utf8' });
    expect(read).toBe(`${stored}\n`); // xmllint ends its output with a line feed
  });
});

describe('subgraph arguments', () => {
  it('exports the whole graph without ids, and refuses a depth with nothing to count it from', () => {
    expect(subgraphRequest([], undefined)).toBeNull();
    expect(() => subgraphRequest([], 1)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'depth' }) }));
  });

  it('decodes global and readable ids once each, with the default depth', () => {
    const global = Buffer.from('Organization:cgs').toString('base64url');
    expect(subgraphRequest([global, 'Organization:cgs', 'Country:CN'], undefined)).toEqual({ uids: ['Organization:cgs', 'Country:CN'], depth: LIMITS.export.depth.default });
  });

  it('caps the ids and the depth from the limits registry', () => {
    const ids = Array.from({ length: LIMITS.export.ids + 1 }, (_, i) => `Organization:o${i}`);
    expect(() => subgraphRequest(ids, 1)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'LIMIT_EXCEEDED', argumentName: 'ids' }) }));
    expect(() => subgraphRequest(['Organization:cgs'], LIMITS.export.depth.max + 1)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'LIMIT_EXCEEDED', argumentName: 'depth' }) }));
  });
});
