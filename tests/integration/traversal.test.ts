import type { RunningServer } from '../../src/server';
import { relationshipGlobalId, toGlobalId } from '../../src/data/globalId';
import { createRequestContext } from '../../src/graphql/context';
import { neighbourhood as walkNeighbourhood, neighbourhoodRequest, type WalkBounds } from '../../src/data/traversal';
import type { RelationshipType } from '../../src/graph/vocabulary';
import { LIMITS } from '../../src/limits';
import { execute, executeObserved } from '../helpers/testGraph';
import { startTestServer } from '../helpers/testServer';

const id = (uid: string) => toGlobalId(uid);
const CGS = id('Organization:cgs');

const SUBGRAPH = `
  query($id: ID!, $depth: Int, $types: [RelationshipType!], $kinds: [EntityKind!], $limit: Int) {
    neighbourhood(id: $id, depth: $depth, relationshipTypes: $types, kinds: $kinds, limit: $limit) {
      center { id key }
      nodes { id kind label entity { id key } }
      edges { id type source target qualifiers { name value } provenance { source { key } confidence } }
      truncated
    }
  }`;

const PATH_FIELDS = `length text nodes { id key kind }
  steps { node { key } relationship { id type direction qualifiers { name value } provenance { source { key } } } }`;

const { depth, neighbourhoodNodes, pathLength, connectionLength, connectionPaths } = LIMITS.traversal;

/** The stable global IDs of the stored relationships between entities, as Neo4j holds them (`r.id` of each). */
async function storedRelationshipIds(server: RunningServer, uids: string[], types: string[] | null = null): Promise<string[]> {
  const session = server.database.driver.session({ defaultAccessMode: 'READ' });
  try {
    const result = await session.run(
      `MATCH (a:Entity)-[r]->(b:Entity)
       WHERE a.uid IN $uids AND b.uid IN $uids AND ($types IS NULL OR type(r) IN $types)
       RETURN type(r) AS type, r.id AS id`,
      { uids, types },
    );
    return result.records.map((record) => relationshipGlobalId(record.get('type') as RelationshipType, record.get('id') as string)).sort();
  } finally {
    await session.close();
  }
}

describe('neighbourhood', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function neighbourhood(variables: Record<string, unknown>) {
    const { data, errors } = await execute(server, SUBGRAPH, variables);
    expect(errors).toBeUndefined();
    return data.neighbourhood;
  }

  /** The relationships among some entities, counted by Neo4j itself. */
  async function storedEdgeCount(keys: string[], types: string[] | null = null): Promise<number> {
    const session = server.database.driver.session();
    try {
      const result = await session.run(
        `MATCH (a:Entity)-[r]->(b:Entity)
         WHERE a.uid IN $uids AND b.uid IN $uids AND ($types IS NULL OR type(r) IN $types)
         RETURN count(r) AS total`,
        { uids: keys, types },
      );
      return Number(result.records[0].get('total'));
    } finally {
      await session.close();
    }
  }

  const uidOf = (node: { id: string }) => Buffer.from(node.id, 'base64url').toString('utf8');

  it('returns the centre first, its direct neighbours and every relationship among them in stored direction', async () => {
    const subgraph = await neighbourhood({ id: CGS });
    expect(subgraph.center.key).toBe('cgs');
    expect(subgraph.nodes[0]).toEqual({ id: CGS, kind: 'ORGANIZATION', label: 'CGS — China Geological Survey', entity: { id: CGS, key: 'cgs' } });
    // CGS has 22 distinct neighbours in the seed (three of them claims about it).
    expect(subgraph.nodes).toHaveLength(23);
    expect(new Set(subgraph.nodes.map((node: any) => node.id)).size).toBe(23);
    expect(subgraph.truncated).toBe(false);

    const ids = new Set(subgraph.nodes.map((node: any) => node.id));
    expect(subgraph.edges.every((edge: any) => ids.has(edge.source) && ids.has(edge.target))).toBe(true);
    expect(subgraph.edges).toHaveLength(await storedEdgeCount(subgraph.nodes.map(uidOf)));

    const session = id('Event:ccop-annual-session-42-2005');
    const organized = subgraph.edges.find((edge: any) => edge.type === 'ORGANIZED' && edge.target === session);
    expect(organized).toMatchObject({ source: CGS, qualifiers: [{ name: 'role', value: 'ORGANIZER' }] });
    expect(organized.provenance[0].source.key).toBe('cgs-intl-exchange');
    const heldBy = subgraph.edges.filter((edge: any) => edge.type === 'HELD_BY_STAFF_OF');
    expect(heldBy).toHaveLength(6);
    expect(heldBy.every((edge: any) => edge.target === CGS)).toBe(true);
    // Country:CN and the events are both neighbours of CGS, so the events' HELD_IN edges are drawn too.
    expect(subgraph.edges.filter((edge: any) => edge.type === 'HELD_IN')).toHaveLength(6);
  });

  it('draws the same subgraph when only labels are selected as when entities and edge properties are', async () => {
    const lean = await execute(server, 'query($id: ID!) { neighbourhood(id: $id, depth: 2) { nodes { id kind label } edges { id type source target } truncated } }', { id: CGS });
    const full = await neighbourhood({ id: CGS, depth: 2 });
    expect(lean.errors).toBeUndefined();
    expect(lean.data.neighbourhood.nodes).toEqual(full.nodes.map(({ id, kind, label }: any) => ({ id, kind, label })));
    expect(lean.data.neighbourhood.edges).toEqual(full.edges.map(({ id, type, source, target }: any) => ({ id, type, source, target })));
    expect(lean.data.neighbourhood.truncated).toBe(full.truncated);
    // A fragment selecting the entities and edge qualifiers gets them.
    const throughFragment = await execute(
      server,
      'fragment Drawn on Subgraph { nodes { entity { key } } edges { qualifiers { name value } } } query($id: ID!) { neighbourhood(id: $id) { ...Drawn } }',
      { id: CGS },
    );
    expect(throughFragment.data.neighbourhood.nodes[0].entity.key).toBe('cgs');
    expect(throughFragment.data.neighbourhood.edges.some((edge: any) => edge.qualifiers.some((q: any) => q.name === 'role'))).toBe(true);
  });

  it('identifies every edge by the stable ID of its stored relationship, the same in every request', async () => {
    const first = await neighbourhood({ id: CGS, depth: 2, limit: neighbourhoodNodes.max });
    const ids = first.edges.map((edge: any) => edge.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(await storedRelationshipIds(server, first.nodes.map(uidOf)));
    const again = await neighbourhood({ id: CGS, depth: 2, limit: neighbourhoodNodes.max });
    expect(again.edges.map((edge: any) => edge.id)).toEqual(ids);
    // The ID says which relationship it is: type and stored id, never a database-internal element id.
    const organized = first.edges.find((edge: any) => edge.type === 'ORGANIZED');
    expect(Buffer.from(organized.id, 'base64url').toString('utf8')).toMatch(/^Relationship:ORGANIZED:[A-Za-z0-9_-]+$/);
  });

  it('walks the registry’s default depth and node limit when neither is given', async () => {
    const byDefault = await neighbourhood({ id: CGS });
    const explicit = await neighbourhood({ id: CGS, depth: depth.default, limit: neighbourhoodNodes.default });
    expect(byDefault).toEqual(explicit);
  });

  it('goes one more relationship away at each depth', async () => {
    const depth1 = await neighbourhood({ id: CGS, depth: 1 });
    const depth2 = await neighbourhood({ id: CGS, depth: 2, limit: neighbourhoodNodes.max });
    const depth3 = await neighbourhood({ id: CGS, depth: 3, limit: neighbourhoodNodes.max });
    const keys = (subgraph: any) => subgraph.nodes.map((node: any) => node.entity.key);
    expect(keys(depth1)).not.toContain('ccop');
    expect(keys(depth2)).toContain('ccop');
    expect(keys(depth2)).not.toContain('TH');
    expect(keys(depth3)).toContain('TH');
    expect(keys(depth2).slice(0, 23)).toEqual(keys(depth1));
    expect(depth3.nodes.length).toBeGreaterThan(depth2.nodes.length);
    expect(depth3.edges).toHaveLength(await storedEdgeCount(depth3.nodes.map(uidOf)));
  });

  it('stops at the node limit, keeps the nearest entities and says it truncated', async () => {
    const subgraph = await neighbourhood({ id: CGS, depth: 2, limit: 5 });
    expect(subgraph.nodes).toHaveLength(5);
    expect(subgraph.truncated).toBe(true);
    expect(subgraph.nodes[0].id).toBe(CGS);
    const full = await neighbourhood({ id: CGS, depth: 1 });
    const directNeighbours = new Set(full.nodes.map((node: any) => node.id));
    expect(subgraph.nodes.every((node: any) => directNeighbours.has(node.id))).toBe(true);
    const ids = new Set(subgraph.nodes.map((node: any) => node.id));
    expect(subgraph.edges.every((edge: any) => ids.has(edge.source) && ids.has(edge.target))).toBe(true);
    expect(subgraph.edges).toHaveLength(await storedEdgeCount(subgraph.nodes.map(uidOf)));
  });

  it('is not truncated when the limit is exactly the number of reachable entities', async () => {
    const subgraph = await neighbourhood({ id: CGS, depth: 1, limit: 23 });
    expect(subgraph.nodes).toHaveLength(23);
    expect(subgraph.truncated).toBe(false);
  });

  it('walks and draws only the asked relationship types', async () => {
    const subgraph = await neighbourhood({ id: CGS, depth: 2, types: ['ORGANIZED', 'IN_SERIES_OF'] });
    expect(subgraph.edges.length).toBeGreaterThan(0);
    expect(subgraph.edges.every((edge: any) => ['ORGANIZED', 'IN_SERIES_OF'].includes(edge.type))).toBe(true);
    const keys = subgraph.nodes.map((node: any) => node.entity.key).sort();
    expect(keys).toEqual(
      [
        'cgs', 'ccop-annual-session-42-2005', 'geoanalysis-6-2006', 'iagod-meeting-2008', 'iah-congress-34-2006',
        'international-geochemical-mapping-meeting-2009', 'jurse-2009', 'ccop', 'iag', 'iagod', 'iah', 'mlr',
      ].sort(),
    );
    expect(subgraph.edges).toHaveLength(await storedEdgeCount(subgraph.nodes.map(uidOf), ['ORGANIZED', 'IN_SERIES_OF']));
  });

  it('enters only the asked kinds, so entities behind other kinds stay out', async () => {
    const subgraph = await neighbourhood({ id: CGS, depth: 3, kinds: ['EVENT', 'COUNTRY'], limit: neighbourhoodNodes.max });
    const kinds = new Set(subgraph.nodes.slice(1).map((node: any) => node.kind));
    expect([...kinds].sort()).toEqual(['COUNTRY', 'EVENT']);
    const keys = subgraph.nodes.map((node: any) => node.entity.key);
    expect(keys).toContain('CN');
    expect(keys).not.toContain('ccop');
    // Thailand is reachable only through organizations or regions, which are not entered.
    expect(keys).not.toContain('TH');
  });

  it('rejects a depth or a limit above its maximum as LIMIT_EXCEEDED, naming the argument', async () => {
    const deep = await execute(server, SUBGRAPH, { id: CGS, depth: depth.max + 1 });
    expect(deep.errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argumentName: 'depth', limit: depth.max });
    expect(deep.errors?.[0].message).toContain('depth');
    const wide = await execute(server, SUBGRAPH, { id: CGS, limit: neighbourhoodNodes.max + 1 });
    expect(wide.errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argumentName: 'limit', limit: neighbourhoodNodes.max });
  });

  it('answers QUERY_TIMEOUT without sending a statement when the operation has no time left', async () => {
    const requestId = `no-time-${Date.now()}`;
    const sent: string[] = [];
    const stop = server.database.cypher.observers.observe((event) => {
      if (event.requestId === requestId) sent.push(event.name);
    });
    try {
      const context = createRequestContext({ runner: server.database.cypher, logger: server.logger, budgetMs: 0, requestId });
      const response = await server.apollo.executeOperation({ query: SUBGRAPH, variables: { id: CGS } }, { contextValue: context });
      const result = response.body.kind === 'single' ? response.body.singleResult : null;
      expect(result?.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TIMEOUT' });
    } finally {
      stop();
    }
    expect(sent).toEqual([]);
  });

  it('walks any depth, and draws its edges, in one statement', async () => {
    for (const walkDepth of [1, 2, depth.max]) {
      const query = `query($id: ID!) { neighbourhood(id: $id, depth: ${walkDepth}, limit: ${neighbourhoodNodes.max}) { nodes { id } edges { id } truncated } }`;
      const { result, statements } = await executeObserved(server, query, { id: CGS });
      expect(result.errors).toBeUndefined();
      expect(statements.map((statement) => statement.name)).toEqual(['traversal/neighbourhood']);
    }
  });

  it('answers the centre alone, untruncated, when no relationship type or no kind is asked, or the centre has no relationships', async () => {
    for (const variables of [{ id: CGS, types: [] }, { id: CGS, kinds: [] }, { id: id('Source:cgs-intl-exchange'), depth: depth.max }]) {
      const subgraph = await neighbourhood(variables);
      expect(subgraph.nodes.map((node: any) => node.id)).toEqual([variables.id]);
      expect(subgraph.edges).toEqual([]);
      expect(subgraph.truncated).toBe(false);
    }
  });

  it('keeps only the centre, and says it truncated, at a limit of 1', async () => {
    const subgraph = await neighbourhood({ id: CGS, depth: 2, limit: 1 });
    expect(subgraph.nodes.map((node: any) => node.id)).toEqual([CGS]);
    expect(subgraph.truncated).toBe(true);
  });

  describe('bounds reached on the seed with smaller bounds than the registry’s', () => {
    /** The data layer's walk, in an operation context of its own, with the given bounds. */
    async function walkWith(bounds: WalkBounds, args: { depth?: number; limit?: number } = {}) {
      const context = createRequestContext({ runner: server.database.cypher, logger: server.logger, budgetMs: 10_000 });
      try {
        return await walkNeighbourhood(context, neighbourhoodRequest({ id: CGS, depth: 2, limit: neighbourhoodNodes.max, ...args }), undefined, bounds);
      } finally {
        await context.cypher.close();
      }
    }
    const roomy: WalkBounds = { stepScan: 100_000, subgraphEdges: 100_000 };

    it('is complete when no bound is reached', async () => {
      const walked = await walkWith(roomy);
      expect(walked.truncated).toBe(false);
      expect(walked.edges).toHaveLength(await storedEdgeCount(walked.nodes.map((node) => node.entity.uid)));
    });

    it('says it truncated when a step looked at as many relationships as it may, and took only what those reached', async () => {
      const walked = await walkWith({ ...roomy, stepScan: 3 }, { depth: 1 });
      expect(walked.truncated).toBe(true);
      expect(walked.nodes.length).toBeLessThanOrEqual(1 + 3);
    });

    it('returns at most the edge bound, in a stable order, and says it truncated', async () => {
      const complete = await walkWith(roomy);
      const capped = await walkWith({ ...roomy, subgraphEdges: 3 });
      expect(capped.truncated).toBe(true);
      expect(capped.edges.map((edge) => edge.id)).toEqual(complete.edges.slice(0, 3).map((edge) => edge.id));
      expect(capped.nodes.map((node) => node.entity.uid)).toEqual(complete.nodes.map((node) => node.entity.uid));
    });
  });

  it('rejects a depth or limit below 1 as BAD_USER_INPUT', async () => {
    const shallow = await execute(server, SUBGRAPH, { id: CGS, depth: 0 });
    expect(shallow.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'depth' });
    const empty = await execute(server, SUBGRAPH, { id: CGS, limit: 0 });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'limit' });
  });

  it('answers an unknown centre with NOT_FOUND and a malformed ID with BAD_USER_INPUT', async () => {
    const missing = await execute(server, SUBGRAPH, { id: id('Organization:no-such-thing') });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argumentName: 'id' });
    expect(missing.data).toBeNull();
    const malformed = await execute(server, SUBGRAPH, { id: 'not an id' });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
  });

  it('accepts the readable Label:key form of the centre ID', async () => {
    const subgraph = await neighbourhood({ id: 'Country:TH' });
    expect(subgraph.center.key).toBe('TH');
    expect(subgraph.nodes.map((node: any) => node.entity.key).sort()).toEqual(['035', 'TH', 'ccop']);
  });
});

describe('paths', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** What Neo4j's own shortestPath says, run directly through the driver: a length, or null for no path. */
  async function neo4jShortestLength(fromUid: string, toUid: string): Promise<number | null> {
    const session = server.database.driver.session();
    try {
      const result = await session.run(
        'MATCH (a:Entity {uid: $from}), (b:Entity {uid: $to}) MATCH p = shortestPath((a)-[*..15]-(b)) RETURN length(p) AS length',
        { from: fromUid, to: toUid },
      );
      return result.records.length ? Number(result.records[0].get('length')) : null;
    } finally {
      await session.close();
    }
  }

  async function neo4jAllShortestCount(fromUid: string, toUid: string): Promise<number> {
    const session = server.database.driver.session();
    try {
      const result = await session.run(
        'MATCH (a:Entity {uid: $from}), (b:Entity {uid: $to}) MATCH p = allShortestPaths((a)-[*..15]-(b)) RETURN count(p) AS total',
        { from: fromUid, to: toUid },
      );
      return Number(result.records[0].get('total'));
    } finally {
      await session.close();
    }
  }

  it.each([
    ['Organization:cgs', 'Organization:iugs'],
    ['Organization:cgs', 'Country:TH'],
    ['Country:TH', 'Theme:geochemical-mapping'],
    ['Region:054', 'Organization:iag'],
    ['Claim:claim-trainee-countries-69', 'Country:FR'],
    ['Source:cgs-intl-exchange', 'Organization:cgs'],
  ])('gives the same shortest length from %s to %s as Neo4j shortestPath run directly', async (fromUid, toUid) => {
    const expected = await neo4jShortestLength(fromUid, toUid);
    const { data, errors } = await execute(
      server,
      `query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, maxLength: ${pathLength.max}) { length nodes { key } } }`,
      { from: id(fromUid), to: id(toUid) },
    );
    expect(errors).toBeUndefined();
    if (expected === null) {
      expect(data.shortestPath).toBeNull();
    } else {
      expect(data.shortestPath.length).toBe(expected);
      expect(data.shortestPath.nodes).toHaveLength(expected + 1);
    }
  });

  it('includes an unreachable pair among the compared ones (sources have no relationships)', async () => {
    expect(await neo4jShortestLength('Source:cgs-intl-exchange', 'Organization:cgs')).toBeNull();
  });

  it('describes each step of a path with its direction, qualifiers and provenance, and as readable text', async () => {
    const { data, errors } = await execute(
      server,
      // Through the staff position: since 2012 the IUGS secretariat also shares China with CGS (HEADQUARTERED_IN).
      `query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, relationshipTypes: [HELD_BY_STAFF_OF, POSITION_IN]) { ${PATH_FIELDS} } }`,
      { from: CGS, to: 'Organization:iugs' },
    );
    expect(errors).toBeUndefined();
    const path = data.shortestPath;
    expect(path.length).toBe(2);
    expect(path.nodes.map((node: any) => node.key)).toEqual(['cgs', 'cgs-staff-position-iugs', 'iugs']);
    expect(path.steps.map((step: any) => step.node.key)).toEqual(['cgs', 'cgs-staff-position-iugs', 'iugs']);
    expect(path.steps[0].relationship).toMatchObject({
      type: 'HELD_BY_STAFF_OF',
      direction: 'INCOMING',
      qualifiers: [
        { name: 'holderNamed', value: 'false' },
        // "In recent years": a period before the source's date, not a year.
        { name: 'validFromPrecision', value: 'BEFORE_SOURCE_DATE' },
        { name: 'validPeriodLabel', value: 'In recent years' },
        { name: 'validToPrecision', value: 'UNKNOWN' },
      ],
    });
    expect(path.steps[0].relationship.provenance[0].source.key).toBe('cgs-intl-exchange');
    expect(path.steps[0].relationship.id).toBe(
      (await storedRelationshipIds(server, ['Organization:cgs', 'Position:cgs-staff-position-iugs'], ['HELD_BY_STAFF_OF']))[0],
    );
    expect(path.steps[1].relationship.id).toBe(
      (await storedRelationshipIds(server, ['Position:cgs-staff-position-iugs', 'Organization:iugs'], ['POSITION_IN']))[0],
    );
    expect(path.steps[1].relationship).toMatchObject({ type: 'POSITION_IN', direction: 'OUTGOING', qualifiers: [] });
    expect(path.steps[2].relationship).toBeNull();
    expect(path.text).toBe('CGS ←HELD_BY_STAFF_OF (holderNamed: false, validFromPrecision: BEFORE_SOURCE_DATE, validPeriodLabel: In recent years, validToPrecision: UNKNOWN)— A position of CGS staff in IUGS — title not stated —POSITION_IN→ IUGS');
  });

  it('walks only the asked relationship types', async () => {
    const { data, errors } = await execute(
      server,
      `query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, relationshipTypes: [ORGANIZED, IN_SERIES_OF]) { ${PATH_FIELDS} } }`,
      { from: CGS, to: 'Organization:ccop' },
    );
    expect(errors).toBeUndefined();
    expect(data.shortestPath.text).toBe('CGS —ORGANIZED (role: ORGANIZER)→ 42nd CCOP Annual Session —IN_SERIES_OF→ CCOP');
    const none = await execute(
      server,
      `query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, relationshipTypes: [HAS_THEME]) { length } }`,
      { from: CGS, to: 'Organization:ccop' },
    );
    expect(none.errors).toBeUndefined();
    expect(none.data.shortestPath).toBeNull();
  });

  it('returns null, not an error, when the only paths are longer than maxLength', async () => {
    const { data, errors } = await execute(server, `query($to: ID!) { shortestPath(from: "Organization:cgs", to: $to, maxLength: 2) { length } }`, {
      to: 'Country:TH',
    });
    expect(errors).toBeUndefined();
    expect(data.shortestPath).toBeNull();
  });

  it('rejects maxLength above its maximum as LIMIT_EXCEEDED and below 1 as BAD_USER_INPUT', async () => {
    const long = await execute(server, `{ shortestPath(from: "Organization:cgs", to: "Country:TH", maxLength: ${pathLength.max + 1}) { length } }`);
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argumentName: 'maxLength', limit: pathLength.max });
    const none = await execute(server, `{ allShortestPaths(from: "Organization:cgs", to: "Country:TH", maxLength: 0) { length } }`);
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'maxLength' });
    const many = await execute(server, `{ connection(from: "Organization:cgs", to: "Country:TH", limit: ${connectionPaths.max + 1}) { summary } }`);
    expect(many.errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argumentName: 'limit', limit: connectionPaths.max });
  });

  it('answers an unknown endpoint with NOT_FOUND naming the argument', async () => {
    const result = await execute(server, `{ shortestPath(from: "Organization:cgs", to: "Country:ZZ") { length } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argumentName: 'to' });
  });

  it('returns as many shortest paths as Neo4j allShortestPaths finds, all of the shortest length and all different', async () => {
    const expected = await neo4jAllShortestCount('Organization:cgs', 'Country:TH');
    expect(expected).toBeGreaterThan(1);
    const { data, errors } = await execute(
      server,
      `{ allShortestPaths(from: "Organization:cgs", to: "Country:TH", limit: ${LIMITS.traversal.allShortestPaths.max}) { ${PATH_FIELDS} } }`,
    );
    expect(errors).toBeUndefined();
    const paths = data.allShortestPaths;
    expect(paths).toHaveLength(expected);
    expect(paths.every((path: any) => path.length === 3)).toBe(true);
    expect(new Set(paths.map((path: any) => path.text)).size).toBe(paths.length);
    expect(paths.every((path: any) => path.nodes[0].key === 'cgs' && path.nodes[3].key === 'TH')).toBe(true);
    // Every step carries the stable ID of the relationship it walks.
    const stepIds = paths.flatMap((path: any) => path.steps.slice(0, -1).map((step: any) => step.relationship.id));
    expect(stepIds.every((stepId: string) => /^Relationship:[A-Z_]+:[A-Za-z0-9_-]+$/.test(Buffer.from(stepId, 'base64url').toString('utf8')))).toBe(true);

    const capped = await execute(server, `{ allShortestPaths(from: "Organization:cgs", to: "Country:TH", limit: 2) { length } }`);
    expect(capped.data.allShortestPaths).toHaveLength(2);
  });

  it('returns an empty list of shortest paths for an unreachable pair', async () => {
    const { data, errors } = await execute(server, `{ allShortestPaths(from: "Source:un-m49", to: "Organization:cgs") { length } }`);
    expect(errors).toBeUndefined();
    expect(data.allShortestPaths).toEqual([]);
  });

  it('explains a connection with its shortest paths and a summary sentence', async () => {
    const { data, errors } = await execute(
      server,
      `{ connection(from: "Organization:cgs", to: "Country:TH") { from { key } to { key } summary paths { ${PATH_FIELDS} } } }`,
    );
    expect(errors).toBeUndefined();
    const { from, to, paths, summary } = data.connection;
    expect(from.key).toBe('cgs');
    expect(to.key).toBe('TH');
    expect(paths).toHaveLength(await neo4jAllShortestCount('Organization:cgs', 'Country:TH'));
    for (const path of paths) {
      expect(path.length).toBe(3);
      const keys = path.nodes.map((node: any) => node.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect([keys[0], keys.at(-1)]).toEqual(['cgs', 'TH']);
    }
    expect(summary).toMatch(new RegExp(`^CGS and Thailand are connected by ${paths.length} shortest paths of 3 relationships, the strongest: `));
    expect(summary.startsWith(`CGS and Thailand are connected by ${paths.length} shortest paths of 3 relationships, the strongest: ${paths[0].text} (`)).toBe(true);

    const one = await execute(server, `{ connection(from: "Organization:cgs", to: "Organization:iugs") { summary } }`);
    expect(one.data.connection.summary).toBe(
      // Two paths since the IUGS secretariat sits in Beijing; the strongest runs through the staff position.
      'CGS and IUGS are connected by 2 shortest paths of 2 relationships, the strongest: CGS ←HELD_BY_STAFF_OF (holderNamed: false, validFromPrecision: BEFORE_SOURCE_DATE, validPeriodLabel: In recent years, validToPrecision: UNKNOWN)— A position of CGS staff in IUGS — title not stated —POSITION_IN→ IUGS (organization-level links only (HELD_BY_STAFF_OF, POSITION_IN))',
    );
  });

  it('lists at most `limit` connecting paths and says that more exist', async () => {
    const { data, errors } = await execute(server, `{ connection(from: "Organization:cgs", to: "Country:TH", limit: 2) { paths { length } summary } }`);
    expect(errors).toBeUndefined();
    expect(data.connection.paths).toHaveLength(2);
    expect(data.connection.summary).toMatch(/^CGS and Thailand are connected by more than 2 shortest paths \(the 2 strongest are listed\) of 3 relationships, the strongest: CGS /);
  });

  it('ranks organization-level connections before geographic co-membership and says why', async () => {
    const { data, errors } = await execute(
      server,
      `{ connection(from: "Organization:cgs", to: "Organization:ccop") { summary paths { text } rankedPaths { strength score reason path { text steps { relationship { type } } } } } }`,
    );
    expect(errors).toBeUndefined();
    const { rankedPaths, paths, summary } = data.connection;
    expect(rankedPaths.map((ranked: any) => ranked.path.text)).toEqual(paths.map((path: any) => path.text));
    const scores = rankedPaths.map((ranked: any) => ranked.score);
    expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);

    const [strongest] = rankedPaths;
    expect(strongest.strength).toBe('ORGANIZATIONAL');
    expect(strongest.reason).toMatch(/^organization-level links only \(/);
    // CGS is headquartered in China, China is a member of CCOP: geographic, so never first, and said to be so.
    const viaChina = rankedPaths.find((ranked: any) => ranked.path.text.includes('China'));
    expect(viaChina).toBeDefined();
    expect(viaChina.strength).toBe('GEOGRAPHIC');
    expect(viaChina.reason).toMatch(/^its weakest link is geographic: /);
    expect(viaChina.score).toBeLessThan(strongest.score);
    expect(summary).toContain(`the strongest: ${strongest.path.text} (${strongest.reason})`);
  });

  it('says when two entities are not connected within the default maxLength, without an error', async () => {
    const { data, errors } = await execute(
      server,
      `{ connection(from: "Source:cgs-intl-exchange", to: "Organization:cgs") { __typename paths { length } summary } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.connection.__typename).toBe('ConnectionSummary');
    expect(data.connection.paths).toEqual([]);
    expect(data.connection.summary).toBe(
      `No connection between International Exchange and Cooperation and CGS within ${connectionLength.default} relationships.`,
    );
  });

  it('gives a path of length 0 from an entity to itself', async () => {
    const { data, errors } = await execute(server, `{ shortestPath(from: "Organization:cgs", to: "Organization:cgs") { length text steps { relationship { type } } } }`);
    expect(errors).toBeUndefined();
    expect(data.shortestPath).toEqual({ length: 0, text: 'CGS', steps: [{ relationship: null }] });
  });
});
