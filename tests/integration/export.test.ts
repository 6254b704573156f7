import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { toGlobalId } from '../../src/data/globalId';
import type { StatementEvent } from '../../src/db/statementObserver';
import { JSONLD_CONTEXT } from '../../src/export';
import { GraphExportSource, type ExportSource } from '../../src/export/reader';
import { resolveScope, subgraphRequest } from '../../src/export/scope';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../src/graph/vocabulary';
import { LIMITS } from '../../src/limits';
import type { RunningServer } from '../../src/server';
import { IRI, toTriples, unzipText, validateGraphml, type Triple } from '../helpers/exportFiles';
import { REPO_ROOT, tempDataDir, testNeo4jUri } from '../helpers/testNeo4j';
import { startTestServer } from '../helpers/testServer';

/** The export routes over real HTTP, on the seeded Neo4j of the run; what each file must hold is read from Neo4j. */
describe('graph export', () => {
  let server: RunningServer;
  let driver: Driver;
  const scratch = tempDataDir('export-files');

  beforeAll(async () => {
    server = await startTestServer();
    driver = server.database.driver;
  });

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  async function rows<T>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const result = await driver.executeQuery(cypher, params, { routing: 'READ' });
    return result.records.map((record) => record.toObject() as T);
  }

  async function entityCounts(): Promise<Map<string, number>> {
    const found = await rows<{ label: string; count: number }>(
      'MATCH (n:Entity) UNWIND [l IN labels(n) WHERE l IN $labels] AS label RETURN label, count(*) AS count',
      { labels: NODE_LABELS },
    );
    return new Map(found.map((row) => [row.label, row.count]));
  }

  async function relationshipCount(): Promise<number> {
    const [row] = await rows<{ count: number }>('MATCH (:Entity)-[r]->(:Entity) WHERE type(r) IN $types RETURN count(r) AS count', { types: RELATIONSHIP_TYPES });
    return row.count;
  }

  interface Download {
    status: number;
    headers: Headers;
    body: Buffer;
    text(): string;
    json(): unknown;
  }

  /** Reads the whole response before any assertion, so a failed test never leaves a download streaming. */
  async function download(route: string): Promise<Download> {
    const response = await fetch(`${server.url}${route}`);
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, body, text: () => body.toString('utf8'), json: () => JSON.parse(body.toString('utf8')) };
  }

  const attachment = (fileName: string) => new RegExp(`^attachment; filename="?${fileName.replace(/\./g, '\\.')}"?$`);

  async function triplesOf(response: Download): Promise<Triple[]> {
    expect(response.status).toBe(200);
    return toTriples(response.json() as object, `${server.url}/context.jsonld`);
  }

  // Expanding the whole seed to RDF takes jsonld a while: the tests that read the same download share it.
  let wholeGraph: Promise<Triple[]> | undefined;
  const jsonLdTriples = (): Promise<Triple[]> => (wholeGraph ??= download('/export/jsonld').then(triplesOf));

  const subjectsOfType = (triples: Triple[], type: string) => new Set(triples.filter((t) => t.p === IRI.rdfType && t.o === type).map((t) => t.s));

  it('serves the JSON-LD context as application/ld+json, the same context the export is expanded with', async () => {
    const response = await download('/context.jsonld');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    expect(response.json()).toEqual(JSONLD_CONTEXT);
  });

  it('downloads the whole graph as JSON-LD whose triples type every entity with our class and its schema.org class', async () => {
    const response = await download('/export/jsonld');
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    expect(response.headers.get('content-disposition')).toMatch(attachment('geocoop-graph.jsonld'));
    const triples = await jsonLdTriples();

    for (const [label, count] of await entityCounts()) expect([label, subjectsOfType(triples, IRI.gc(label)).size]).toEqual([label, count]);
    const organizations = subjectsOfType(triples, IRI.gc('Organization'));
    expect(subjectsOfType(triples, IRI.schema('Organization'))).toEqual(organizations);
    expect(subjectsOfType(triples, IRI.schema('Country'))).toEqual(subjectsOfType(triples, IRI.gc('Country')));
    expect(subjectsOfType(triples, IRI.schema('DefinedTerm'))).toEqual(subjectsOfType(triples, IRI.gc('Theme')));
  });

  it('asserts every relationship as a triple and qualifies it with one rdf:Statement naming subject, predicate and object', async () => {
    const triples = await jsonLdTriples();
    const statements = subjectsOfType(triples, IRI.rdf('Statement'));
    expect(statements.size).toBe(await relationshipCount());

    const [membership] = await rows<{ from: string; to: string; id: string; asOf: string | null }>(
      'MATCH (a:Country)-[r:MEMBER_OF]->(b:Organization) RETURN a.key AS from, b.key AS to, r.id AS id, r.asOf AS asOf ORDER BY r.id LIMIT 1',
    );
    const statement = `<https://geocoop.example/id/relationship/MEMBER_OF/${membership.id}>`;
    const about = (p: string) => triples.filter((t) => t.s === statement && t.p === p).map((t) => t.o);
    expect(about(IRI.rdf('subject'))).toEqual([IRI.entity('Country', membership.from)]);
    expect(about(IRI.rdf('predicate'))).toEqual([IRI.schema('memberOf')]);
    expect(about(IRI.rdf('object'))).toEqual([IRI.entity('Organization', membership.to)]);
    expect(triples).toContainEqual({ s: IRI.entity('Country', membership.from), p: IRI.schema('memberOf'), o: IRI.entity('Organization', membership.to) });
    if (membership.asOf !== null) expect(about(IRI.gc('asOf'))).toEqual([JSON.stringify(membership.asOf)]);
  });

  it('keeps each provenance entry of a fact as a prov:Derivation with its source, quote and confidence', async () => {
    const triples = await jsonLdTriples();
    const quoted = await rows<{ type: string; id: string; provenance: string }>(
      "MATCH (:Entity)-[r]->(:Entity) WHERE r.provenance CONTAINS '\"quote\"' RETURN type(r) AS type, r.id AS id, r.provenance AS provenance ORDER BY type, id LIMIT 5",
    );
    expect(quoted.length).toBeGreaterThan(0);
    for (const relationship of quoted) {
      const statement = `<https://geocoop.example/id/relationship/${relationship.type}/${relationship.id}>`;
      const derivations = triples.filter((t) => t.s === statement && t.p === IRI.prov('qualifiedDerivation')).map((t) => t.o);
      const exported = derivations.map((node) => {
        const value = (p: string) => triples.find((t) => t.s === node && t.p === p)?.o;
        return { source: value(IRI.prov('entity')) ?? '', quote: value(IRI.gc('quote')), confidence: value(IRI.gc('confidence')) ?? '' };
      });
      const stored = (JSON.parse(relationship.provenance) as Array<{ source: string; quote?: string; confidence: string }>).map((entry) => ({
        source: IRI.entity('Source', entry.source),
        quote: entry.quote === undefined ? undefined : JSON.stringify(entry.quote),
        confidence: JSON.stringify(entry.confidence),
      }));
      const order = (list: typeof stored) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(order(exported)).toEqual(order(stored));
    }
  });

  it('links countries to their ISO 3166 code and organizations to their ROR and Wikidata ids with schema:sameAs', async () => {
    const triples = await jsonLdTriples();
    const sameAs = triples.filter((t) => t.p === IRI.schema('sameAs'));
    const countries = await rows<{ key: string }>('MATCH (c:Country:Entity) RETURN c.key AS key');
    for (const { key } of countries) expect(sameAs).toContainEqual({ s: IRI.entity('Country', key), p: IRI.schema('sameAs'), o: `<https://www.iso.org/obp/ui/#iso:code:3166:${key}>` });
    const identified = await rows<{ key: string; wikidataId: string | null }>('MATCH (o:Organization) WHERE o.wikidataId IS NOT NULL RETURN o.key AS key, o.wikidataId AS wikidataId');
    for (const { key, wikidataId } of identified) expect(sameAs).toContainEqual({ s: IRI.entity('Organization', key), p: IRI.schema('sameAs'), o: `<http://www.wikidata.org/entity/${wikidataId}>` });
    const unidentified = await rows<{ key: string }>('MATCH (o:Organization) WHERE o.wikidataId IS NULL AND o.rorId IS NULL RETURN o.key AS key');
    for (const { key } of unidentified) expect(sameAs.filter((t) => t.s === IRI.entity('Organization', key))).toEqual([]);
  });

  it('writes names in other languages as language-tagged schema:name literals beside the English name', async () => {
    const names = (await jsonLdTriples()).filter((t) => t.s === IRI.entity('Organization', 'cgs') && t.p === IRI.schema('name'));
    expect(names).toContainEqual({ s: IRI.entity('Organization', 'cgs'), p: IRI.schema('name'), o: '"China Geological Survey"' });
    // RDF language tags compare case-insensitively; the jsonld library writes them in lower case.
    expect(names).toContainEqual({ s: IRI.entity('Organization', 'cgs'), p: IRI.schema('name'), o: '"中国地质调查局"@zh-hans' });
  });

  it('exports the subgraph around ids at a depth: those entities, their neighbours and only the relationships among them', async () => {
    const around = await rows<{ uid: string }>(
      "MATCH (c:Entity {uid: 'Organization:cgs'})-[r]-(n:Entity) WHERE type(r) IN $types RETURN DISTINCT n.uid AS uid",
      { types: RELATIONSHIP_TYPES },
    );
    const expected = new Set(['Organization:cgs', ...around.map((row) => row.uid)]);
    const [among] = await rows<{ count: number }>(
      'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.uid IN $uids AND b.uid IN $uids AND type(r) IN $types RETURN count(r) AS count',
      { uids: [...expected], types: RELATIONSHIP_TYPES },
    );

    const response = await download(`/export/jsonld?ids=${toGlobalId('Organization:cgs')}&depth=1`);
    expect(response.headers.get('content-disposition')).toMatch(attachment('geocoop-subgraph.jsonld'));
    const triples = await triplesOf(response);
    const exported = new Set(triples.filter((t) => t.p === IRI.schema('identifier') && !t.s.includes('/relationship/')).map((t) => Buffer.from(JSON.parse(t.o) as string, 'base64url').toString('utf8')));
    expect([...exported].sort()).toEqual([...expected].sort());
    expect(subjectsOfType(triples, IRI.rdf('Statement')).size).toBe(among.count);
  });

  it('downloads GraphML that validates against the GraphML XSD, with one node per entity and one edge per relationship', async () => {
    const response = await download('/export/graphml');
    expect(response.headers.get('content-type')).toMatch(/^application\/graphml\+xml/);
    expect(response.headers.get('content-disposition')).toMatch(attachment('geocoop-graph.graphml'));
    const text = response.text();
    const file = path.join(scratch, 'graph.graphml');
    fs.writeFileSync(file, text);

    const verdict = validateGraphml(file);
    expect(verdict).toEqual({ valid: true, output: expect.stringContaining('validates') });
    const entities = [...(await entityCounts()).values()].reduce((sum, count) => sum + count, 0);
    expect(text.match(/<node id=/g)?.length).toBe(entities);
    expect(text.match(/<edge id=/g)?.length).toBe(await relationshipCount());
  });

  it('rejects, by the same XSD check, GraphML whose edge points at no node', async () => {
    const text = (await download('/export/graphml')).text();
    const file = path.join(scratch, 'broken.graphml');
    fs.writeFileSync(file, text.replace(/(<edge id="[^"]+" source="[^"]+" target=")[^"]+"/, '$1nowhere"'));
    expect(validateGraphml(file).valid).toBe(false);
  });

  it('declares GraphML keys typed from the stored values, qualifiers and provenance included', async () => {
    const text = (await download('/export/graphml')).text();
    const keys = new Map([...text.matchAll(/<key id="([^"]+)" for="(node|edge)" attr\.name="([^"]+)" attr\.type="([^"]+)"\/>/g)].map((m) => [m[1], m[4]]));
    const [typed] = await rows<{ years: number; cities: number }>(
      'MATCH (e:Event) WITH count(e.year) AS years MATCH ()-[r:HELD_IN]->() RETURN years, count(r.city) AS cities',
    );
    if (typed.years > 0) expect(keys.get('n_year')).toBe('long');
    if (typed.cities > 0) expect(keys.get('e_city')).toBe('string');
    expect(keys.get('n_aliases')).toBe('string');
    expect(keys.get('n_provenance')).toBe('string');
    expect(keys.get('e_provenance')).toBe('string');
    expect(keys.get('e_confidence')).toBe('string');
    expect(keys.has('n_sortName')).toBe(false);
    expect(keys.has('n_lookupText')).toBe(false);
  });

  it('downloads a zip of CSV files, one per label and per relationship type, with neo4j-admin import headers', async () => {
    const response = await download('/export/csv.zip');
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(attachment('geocoop-graph-csv.zip'));
    const files = await unzipText(response.body);

    const counts = await entityCounts();
    for (const [label, count] of counts) {
      const lines = files.get(`nodes/${label}.csv`)!.trimEnd().split('\n');
      expect(lines[0].split(',').slice(0, 2)).toEqual(['uid:ID', ':LABEL']);
      expect(lines.length - 1).toBe(count);
    }
    const organizationHeader = files.get('nodes/Organization.csv')!.split('\n')[0].split(',');
    expect(organizationHeader).toEqual(expect.arrayContaining(['key', 'name', 'aliases:string[]', 'sourceKeys:string[]', 'provenance']));
    const memberOf = files.get('relationships/MEMBER_OF.csv')!.split('\n')[0].split(',');
    expect(memberOf.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    expect(memberOf).toEqual(expect.arrayContaining(['id', 'provenance', 'sourceKeys:string[]']));
    expect(files.get('IMPORT.txt')).toContain('neo4j-admin database import full');
  });

  it('names the format in GET /export?format= and accepts `around` for the ids, as the issue words it', async () => {
    const response = await download(`/export?format=graphml&around=Organization:cgs&depth=0`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(attachment('geocoop-subgraph.graphml'));
    expect(response.text().match(/<node id=/g)).toEqual(['<node id=']);
  });

  async function everything(source: ExportSource): Promise<{ uids: string[]; relationships: string[] }> {
    const uids: string[] = [];
    const relationships: string[] = [];
    for (const label of NODE_LABELS) for await (const batch of source.nodes(label)) uids.push(...batch.map((node) => node.uid));
    for (const type of RELATIONSHIP_TYPES) for await (const batch of source.relationships(type)) relationships.push(...batch.map((r) => `${r.type}:${r.id}`));
    return { uids, relationships };
  }

  it('reads the whole graph in keyset pages of at most the batch size, each entity and relationship exactly once', async () => {
    const pageSize = 7;
    const pages: StatementEvent[] = [];
    const stop = server.database.cypher.observers.observe((event) => {
      if (event.name === 'export/node-page' || event.name === 'export/relationship-page') pages.push(event);
    });
    const paged = await everything(new GraphExportSource(server.database.cypher, { kind: 'graph' }, pageSize)).finally(stop);
    const whole = await everything(new GraphExportSource(server.database.cypher, { kind: 'graph' }));

    const entities = [...(await entityCounts()).values()].reduce((sum, count) => sum + count, 0);
    expect(new Set(paged.uids).size).toBe(entities);
    expect(paged.uids).toHaveLength(entities);
    expect(new Set(paged.relationships).size).toBe(await relationshipCount());
    expect(paged.relationships).toHaveLength(await relationshipCount());
    expect(paged).toEqual(whole);
    expect(Math.max(...pages.map((page) => page.rows))).toBe(pageSize);
    expect(pages.filter((page) => page.name === 'export/node-page').length).toBeGreaterThanOrEqual(Math.ceil(entities / pageSize));
  });

  it('reads a subgraph in slices of its uids, the same entities and relationships whatever the slice size', async () => {
    const scope = await resolveScope(server.database.cypher, subgraphRequest(['Organization:cgs'], 2));
    const sliced = await everything(new GraphExportSource(server.database.cypher, scope, 3));
    const whole = await everything(new GraphExportSource(server.database.cypher, scope));
    expect(scope.kind === 'subgraph' && [...scope.uids].sort()).toEqual([...sliced.uids].sort());
    expect(sliced.relationships.length).toBeGreaterThan(0);
    expect(new Set(sliced.relationships).size).toBe(sliced.relationships.length);
    expect(sliced).toEqual(whole);
  });

  it('frees its download slot when the client goes away mid-stream', async () => {
    for (let i = 0; i < LIMITS.export.concurrentDownloads; i += 1) {
      const controller = new AbortController();
      const response = await fetch(`${server.url}/export/jsonld`, { signal: controller.signal });
      expect(response.status).toBe(200);
      controller.abort();
    }
    let status = 0;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
      status = (await download('/export/graphml?ids=Organization:cgs&depth=0')).status;
      if (status === 200) break;
    }
    expect(status).toBe(200);
  });

  it.each([
    ['an ID that decodes to nothing', '/export/jsonld?ids=%25%25', 400, 'BAD_USER_INPUT', 'ids'],
    ['a depth that is not a number', '/export/graphml?ids=Organization:cgs&depth=two', 400, 'BAD_USER_INPUT', 'depth'],
    ['a depth above its maximum', `/export/graphml?ids=Organization:cgs&depth=${LIMITS.export.depth.max + 1}`, 400, 'LIMIT_EXCEEDED', 'depth'],
    ['a depth without ids', '/export/csv.zip?depth=1', 400, 'BAD_USER_INPUT', 'depth'],
    ['more ids than one export takes', `/export/jsonld?ids=${Array.from({ length: LIMITS.export.ids + 1 }, (_, i) => `Organization:o${i}`).join(',')}`, 400, 'LIMIT_EXCEEDED', 'ids'],
    ['an unknown format', '/export?format=xml', 400, 'BAD_USER_INPUT', 'format'],
    ['an unknown parameter', '/export/jsonld?limit=10', 400, 'BAD_USER_INPUT', 'limit'],
    ['an ID of no entity', '/export/jsonld?ids=Organization:no-such-org', 404, 'NOT_FOUND', 'ids'],
  ])('answers %s with a coded JSON error and no file', async (_case, route, status, code, argumentName) => {
    const response = await download(route);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-disposition')).toBeNull();
    const body = response.json() as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toMatchObject({ code, argumentName });
    expect(body.errors[0].message).not.toMatch(/\n\s+at /);
  });
});

/** `npm run export` runs dist/src/cli/export.js (built by `npm test`'s pretest) against the run's Neo4j. */
describe('the export command', () => {
  const scratch = tempDataDir('export-cli');
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  function runExport(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'src', 'cli', 'export.js'), ...args], {
        env: { ...process.env, NEO4J_URI: testNeo4jUri(), LOG_LEVEL: 'warn', QUERY_TIMEOUT_MS: '30000' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      child.once('error', reject);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });
  }

  it('writes the subgraph around an id as a GraphML file that validates against the XSD', async () => {
    const out = path.join(scratch, 'cgs.graphml');
    const result = await runExport(['--format', 'graphml', '--ids', 'Organization:cgs', '--depth', '1', '--out', out]);
    expect(result).toEqual({ code: 0, stderr: expect.stringContaining(`graphml written to ${out}`) });
    expect(validateGraphml(out).valid).toBe(true);
    expect(fs.readFileSync(out, 'utf8')).toContain('<node id="Organization:cgs">');
  });

  it('writes JSON-LD with the context inlined, so the file expands without a server', async () => {
    const out = path.join(scratch, 'graph.jsonld');
    expect((await runExport(['--format', 'jsonld', '--ids', 'Country:CN', '--depth', '0', '--out', out])).code).toBe(0);
    const document = JSON.parse(fs.readFileSync(out, 'utf8')) as { '@context': unknown };
    expect(document['@context']).toEqual(JSONLD_CONTEXT['@context']);
    expect(await toTriples(document)).toContainEqual({ s: IRI.entity('Country', 'CN'), p: IRI.rdfType, o: IRI.schema('Country') });
  });

  it('exits 1 naming the argument and its code for an unknown format or an ID of no entity, writing no file', async () => {
    const out = path.join(scratch, 'never.xml');
    const format = await runExport(['--format', 'xml', '--out', out]);
    expect(format).toEqual({ code: 1, stderr: expect.stringMatching(/"--format": "xml" is not one of jsonld, graphml, csv, jsonl\. \[BAD_USER_INPUT\]/) });
    const missing = await runExport(['--format', 'csv', '--ids', 'Organization:no-such-org', '--out', out]);
    expect(missing).toEqual({ code: 1, stderr: expect.stringContaining('no entity has the ID Organization:no-such-org. [NOT_FOUND]') });
    expect(fs.existsSync(out)).toBe(false);
  });
});
