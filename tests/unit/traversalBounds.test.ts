import fs from 'node:fs';
import path from 'node:path';
import { CypherLibrary } from '../../src/db/cypherLibrary';
import type { CypherReader, Params, Row } from '../../src/db/cypherRunner';
import { relationshipGlobalId } from '../../src/data/globalId';
import { connection, neighbourhood, neighbourhoodRequest, pathRequest, shortestPath, type WalkContext } from '../../src/data/traversal';
import { Deadline } from '../../src/graphql/deadline';
import { LIMITS } from '../../src/limits';

/**
 * The bounds a walk keeps whatever the database answers, checked without a database: a scripted reader
 * answers each named statement and records what it was asked.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const library = CypherLibrary.load(path.join(REPO_ROOT, 'cypher'));
const { stepScan, subgraphEdges } = LIMITS.traversal;

type Answer = (params: Params) => Row[] | Promise<Row[]>;

function scriptedWalk(answers: Record<string, Answer>, deadline = new Deadline(60_000), slotsOf: Array<Record<string, string>> = []) {
  const calls: Array<{ name: string; params: Params }> = [];
  const answer = (name: string, params: Params) => {
    calls.push({ name, params });
    const scripted = answers[name];
    if (!scripted) throw new Error(`unexpected statement ${name}`);
    return scripted(params);
  };
  const cypher: CypherReader = {
    library,
    read: async (name: string, params: Params = {}) => {
      // Every statement a walk sends is a named file of cypher/.
      library.get(name);
      return answer(name, params);
    },
    readTemplate: async (name: string, slots: Record<string, string>, params: Params = {}) => {
      // A walking statement is a template of cypher/ whose slots the walk fills in full.
      library.compose(name, slots);
      slotsOf.push(slots);
      return answer(name, params);
    },
  };
  const walk: WalkContext = { cypher, deadline };
  return { walk, calls };
}

const CGS = 'Organization:cgs';

const entityRow = (uid: string) => {
  const [label, key] = uid.split(':');
  return { labels: [label, 'Entity'], props: { uid, key, name: key } };
};

/** The answer of traversal/neighbourhood: the centre, the entities taken, the edges among them, the walk's own flag. */
const walked = (entities: string[], edges: Row[] = [], truncated = false) => [{ centre: entityRow(CGS), entities: entities.map(entityRow), edges, truncated }];

const edgeRow = (index: number, extra: Record<string, unknown> = {}) => ({
  id: `stored-${index}`,
  type: 'ORGANIZED',
  source: CGS,
  target: 'Event:e0',
  props: { role: 'ORGANIZER', id: `stored-${index}` },
  capped: false,
  ...extra,
});

describe('neighbourhood bounds, without a database', () => {
  it('sends one statement with one step per distance after the first, bounded by the registry', async () => {
    const slotsOf: Array<Record<string, string>> = [];
    const { walk, calls } = scriptedWalk({ 'traversal/neighbourhood': () => walked(['Event:e0']) }, undefined, slotsOf);
    await neighbourhood(walk, neighbourhoodRequest({ id: CGS, depth: 3, limit: 4 }));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ name: 'traversal/neighbourhood', params: { uid: CGS } });
    expect([calls[0].params.limit, calls[0].params.scanLimit, calls[0].params.maxEdges].map(Number)).toEqual([4, stepScan, subgraphEdges]);
    const stepText = library.compose('traversal/neighbourhood-step', { rel: slotsOf[0].rel, labels: '' });
    expect(slotsOf[0].steps.split(stepText)).toHaveLength(3);
    expect(slotsOf[0]).toMatchObject({ rel: '[r]', labels: '' });
  });

  it('writes the asked relationship types and kinds into the patterns from the allow-lists', async () => {
    const slotsOf: Array<Record<string, string>> = [];
    const { walk } = scriptedWalk({ 'traversal/neighbourhood': () => walked([]) }, undefined, slotsOf);
    await neighbourhood(walk, neighbourhoodRequest({ id: CGS, relationshipTypes: ['ORGANIZED', 'HELD_IN'], kinds: ['EVENT', 'COUNTRY'] }));
    expect(slotsOf[0]).toMatchObject({ rel: '[r:HELD_IN|ORGANIZED]', labels: ' AND (n:Country|Event)', steps: '' });
  });

  it('walks nothing when no relationship type or no kind is asked, and says so in the statement, not by failing', async () => {
    const slotsOf: Array<Record<string, string>> = [];
    const { walk } = scriptedWalk({ 'traversal/neighbourhood': () => walked([]) }, undefined, slotsOf);
    await neighbourhood(walk, neighbourhoodRequest({ id: CGS, relationshipTypes: [] }));
    await neighbourhood(walk, neighbourhoodRequest({ id: CGS, kinds: [] }));
    expect(slotsOf.map((slots) => [slots.rel, slots.labels])).toEqual([
      ['[r WHERE false]', ''],
      ['[r]', ' AND false'],
    ]);
  });

  it('reports truncation when the walk says so, when the edges reach their cap, or when an entity’s edge read was capped', async () => {
    const complete = scriptedWalk({ 'traversal/neighbourhood': () => walked(['Event:e0'], [edgeRow(0)]) });
    expect((await neighbourhood(complete.walk, neighbourhoodRequest({ id: CGS }))).truncated).toBe(false);

    const cut = scriptedWalk({ 'traversal/neighbourhood': () => walked(['Event:e0'], [], true) });
    expect((await neighbourhood(cut.walk, neighbourhoodRequest({ id: CGS }))).truncated).toBe(true);

    const edgeCapped = scriptedWalk({ 'traversal/neighbourhood': (params) => walked(['Event:e0'], Array.from({ length: Number(params.maxEdges) + 1 }, (_, index) => edgeRow(index))) });
    const result = await neighbourhood(edgeCapped.walk, neighbourhoodRequest({ id: CGS }));
    expect(result.truncated).toBe(true);
    expect(result.edges).toHaveLength(subgraphEdges);

    const hubEdges = scriptedWalk({ 'traversal/neighbourhood': () => walked(['Event:e0'], [edgeRow(0, { capped: true })]) });
    expect((await neighbourhood(hubEdges.walk, neighbourhoodRequest({ id: CGS }))).truncated).toBe(true);
  });

  it('hands out the global ID of each edge’s stored id, and never lists that id among the qualifiers', async () => {
    const { walk } = scriptedWalk({ 'traversal/neighbourhood': () => walked(['Event:e0'], [edgeRow(7), edgeRow(8, { id: null })]) });
    const { edges, nodes } = await neighbourhood(walk, neighbourhoodRequest({ id: CGS }));
    expect(nodes.map((node) => node.entity.uid)).toEqual([CGS, 'Event:e0']);
    expect(edges[0].id).toBe(relationshipGlobalId('ORGANIZED', 'stored-7'));
    expect(edges[0].qualifiers).toEqual([{ name: 'role', value: 'ORGANIZER' }]);
    // A relationship stored without an id gets none (selecting it is then a field error), not an invented one.
    expect(edges[1].id).toBeUndefined();
  });

  it('sends nothing at all when the operation’s deadline is already spent', async () => {
    const walkNothing = scriptedWalk({ 'traversal/neighbourhood': () => walked([]) }, new Deadline(0));
    await expect(neighbourhood(walkNothing.walk, neighbourhoodRequest({ id: CGS }))).rejects.toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' } });
    expect(walkNothing.calls).toEqual([]);

    const { walk, calls } = scriptedWalk({ 'traversal/shortest-path': () => [{ from: entityRow(CGS), to: entityRow('Country:TH'), nodes: null, rels: null }] }, new Deadline(0));
    await expect(shortestPath(walk, pathRequest('shortestPath', { from: CGS, to: 'Country:TH' }))).rejects.toMatchObject({
      extensions: { code: 'QUERY_TIMEOUT' },
    });
    expect(calls).toEqual([]);
  });

  it('answers an unknown centre with NOT_FOUND', async () => {
    const { walk, calls } = scriptedWalk({ 'traversal/neighbourhood': () => [] });
    await expect(neighbourhood(walk, neighbourhoodRequest({ id: CGS }))).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND', argumentName: 'id' },
    });
    expect(calls).toHaveLength(1);
  });
});

describe('path bounds', () => {
  const cypherDir = path.join(REPO_ROOT, 'cypher', 'traversal');

  it('bounds the shortest-path patterns by the largest maxLength the registry accepts', () => {
    const largest = Math.max(LIMITS.traversal.pathLength.max, LIMITS.traversal.connectionLength.max);
    for (const name of ['shortest-path', 'all-shortest-paths']) {
      const text = fs.readFileSync(path.join(cypherDir, `${name}.cypher`), 'utf8');
      expect(text.match(/\[\*\.\.(\d+)\]/g)).toEqual([`[*..${largest}]`]);
    }
  });

  const pathRow = (uids: string[]) => ({
    nodes: uids.map(entityRow),
    rels: uids.slice(1).map((uid, index) => ({ id: `r${index}`, type: 'MEMBER_OF', start: uids[index], props: { id: `r${index}` } })),
  });

  it('ranks up to the cap of connecting paths (one more tells whether more exist) and keeps the strongest `limit`', async () => {
    const paths = [
      pathRow([CGS, 'Country:CN', 'Organization:ccop', 'Country:TH']),
      pathRow([CGS, 'Event:e1', 'Organization:ccop', 'Country:TH']),
      pathRow([CGS, 'Event:e2', 'Organization:ccop', 'Country:TH']),
    ];
    const { walk, calls } = scriptedWalk({
      'entities/by-uids': () => [{ entity: entityRow(CGS) }, { entity: entityRow('Country:TH') }],
      'traversal/all-shortest-paths': (params) => paths.slice(0, Number(params.limit)),
    });
    const capped = await connection(walk, pathRequest('connection', { from: CGS, to: 'Country:TH', maxLength: 3, limit: 2 }));
    expect(calls[1].params).toMatchObject({ from: CGS, to: 'Country:TH', maxLength: 3, limit: LIMITS.traversal.connectionPaths.max + 1, types: null });
    // Through two events (two organization-level steps) is stronger than through China (memberships of countries only).
    expect(capped.paths.map((found) => found.text)).toEqual([
      'cgs —MEMBER_OF→ e1 —MEMBER_OF→ ccop —MEMBER_OF→ TH',
      'cgs —MEMBER_OF→ e2 —MEMBER_OF→ ccop —MEMBER_OF→ TH',
    ]);
    expect(capped.summary).toBe(
      'cgs and TH are connected by more than 2 shortest paths (the 2 strongest are listed) of 3 relationships, the strongest: cgs —MEMBER_OF→ e1 —MEMBER_OF→ ccop —MEMBER_OF→ TH (its weakest link is geographic: ccop —MEMBER_OF→ TH)',
    );
    const all = await connection(walk, pathRequest('connection', { from: CGS, to: 'Country:TH', limit: 3 }));
    expect(all.paths).toHaveLength(3);
    expect(all.rankedPaths.map((ranked) => ranked.strength)).toEqual(['GEOGRAPHIC', 'GEOGRAPHIC', 'GEOGRAPHIC']);
    expect(all.rankedPaths[2].path.text).toContain('CN');
    expect(all.rankedPaths[2].score).toBeLessThan(all.rankedPaths[0].score);
    expect(all.summary).toMatch(/^cgs and TH are connected by 3 shortest paths of 3 relationships, the strongest: /);
  });

  it('gives each step of a path its stored direction and the global ID of its stored id', async () => {
    const row = pathRow([CGS, 'Country:CN']);
    // Walked against its stored direction: the relationship starts at the second node.
    row.rels[0].start = 'Country:CN';
    const { walk } = scriptedWalk({ 'traversal/shortest-path': () => [{ ...row, from: entityRow(CGS), to: entityRow('Country:CN') }] });
    const found = await shortestPath(walk, pathRequest('shortestPath', { from: CGS, to: 'Country:CN' }));
    expect(found!.steps[0].relationship).toEqual({
      id: relationshipGlobalId('MEMBER_OF', 'r0'),
      type: 'MEMBER_OF',
      direction: 'INCOMING',
      qualifiers: [],
      provenance: [],
    });
    expect(found!.text).toBe('cgs ←MEMBER_OF— CN');
  });

  it('shortens long qualifier values in path text at the registry’s length, keeping them whole in the qualifiers', async () => {
    const long = 'x'.repeat(LIMITS.traversal.textQualifier + 5);
    const row = pathRow([CGS, 'Country:CN']);
    row.rels[0].props = { id: 'r0', note: long } as typeof row.rels[0]['props'];
    const { walk } = scriptedWalk({ 'traversal/shortest-path': () => [{ ...row, from: entityRow(CGS), to: entityRow('Country:CN') }] });
    const found = await shortestPath(walk, pathRequest('shortestPath', { from: CGS, to: 'Country:CN' }));
    expect(found!.steps[0].relationship!.qualifiers).toEqual([{ name: 'note', value: long }]);
    expect(found!.text).toBe(`cgs —MEMBER_OF (note: ${'x'.repeat(LIMITS.traversal.textQualifier - 1)}…)→ CN`);
  });
});
