import fs from 'node:fs';
import neo4jDriver, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { CypherLibrary } from '../../src/db/cypherLibrary';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embeddedNeo4j';
import { applyMigrations } from '../../src/db/migrations';
import { composeList, LISTS, type ListSpec } from '../../src/data/lists';
import { EMPTY_PLAN, projectionOf } from '../../src/data/prefetch';
import { andHeldOn, whereHeldOn } from '../../src/data/heldOn';
import { orderExpression, positionExpression, relationshipSlots } from '../../src/data/relationshipPages';
import type { SortField } from '../../src/graph/storedProperties';
import { createLogger } from '../../src/logger';
import { generateSyntheticGraph } from '../../src/synthetic';
import { freePort, REPO_ROOT, tempDataDir } from '../helpers/testNeo4j';

/**
 * The plans Neo4j makes of our statements, on a synthetic graph in a Neo4j of its own (20 000 nodes: enough
 * for the planner to weigh indexes against scans as it does at 100 000). Each statement is composed by the
 * same function the resolvers use, then EXPLAINed.
 */
// Generous: a loaded 2-core machine needs minutes to start a JVM and write 20 000 nodes.
const SETUP_TIMEOUT_MS = 420_000;

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function operators(plan: PlanNode): string[] {
  return [`${plan.operatorType.replace(/@.*$/, '')} ${String(plan.arguments.Details ?? '')}`, ...plan.children.flatMap(operators)];
}

describe('query plans on the synthetic graph', () => {
  const logger = createLogger({ logLevel: 'warn' });
  const library = CypherLibrary.load(`${REPO_ROOT}/cypher`);
  let dataDir: string | undefined;
  let neo4j: EmbeddedNeo4j | undefined;
  let driver: Driver;

  beforeAll(async () => {
    dataDir = tempDataDir('plans-neo4j');
    const config = loadConfig({ NODE_ENV: 'test', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_PAGECACHE_MB: '256', NEO4J_HEAP_MB: '1024' }, REPO_ROOT);
    neo4j = await startEmbeddedNeo4j(config.neo4j.embedded, REPO_ROOT, logger);
    const database = await openDatabase({ ...config, neo4j: { ...config.neo4j, uri: neo4j.uri } }, logger);
    try {
      await applyMigrations(database.library, database.cypher, logger);
      await generateSyntheticGraph(database.cypher, { nodes: 20_000, seed: 7 });
    } finally {
      await database.close();
    }
    driver = neo4jDriver.driver(neo4j.uri);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await driver?.close();
    await neo4j?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function explain(text: string): Promise<string[]> {
    const session = driver.session();
    try {
      const result = await session.run(`EXPLAIN ${text}`);
      return operators(result.summary.plan as unknown as PlanNode);
    } finally {
      await session.close();
    }
  }

  function listStatement(spec: ListSpec, filter: Record<string, unknown>, position: string | null, field: SortField = 'NAME', backward = false) {
    const composed = composeList(library, spec, filter, { size: 20, backward, position }, { field, descending: false });
    return library.compose('lists/page', { ...composed.page, projection: projectionOf(library, EMPTY_PLAN).text });
  }

  it('reads a filtered, sorted list through an index, never a scan of the label', async () => {
    const plan = await explain(listStatement(LISTS.organizations, { organizationKinds: ['GEOLOGICAL_SURVEY'] }, null));
    expect(plan.some((op) => op.startsWith('NodeByLabelScan'))).toBe(false);
    expect(plan.some((op) => /^NodeIndex(Scan|Seek)/.test(op) && op.includes('Organization('))).toBe(true);
  });

  it('seeks in the sort index for the page after a cursor, forwards and backwards, without sorting', async () => {
    for (const backward of [false, true]) {
      const plan = await explain(listStatement(LISTS.organizations, {}, 'm', 'NAME', backward));
      expect(plan.find((op) => op.startsWith('NodeIndexSeekByRange'))).toMatch(/Organization\(sortName\) WHERE sortName [<>] \$position/);
      expect(plan.some((op) => /^(Sort|Top) /.test(op))).toBe(false);
    }
  });

  it('seeks the kind and the cursor together in the composite index', async () => {
    const plan = await explain(listStatement(LISTS.organizations, { organizationKinds: ['UNIVERSITY'] }, 'm'));
    expect(plan.some((op) => op.startsWith('NodeIndexSeek') && op.includes('Organization(kind, sortName)'))).toBe(true);
  });

  it('starts a list filtered by a related entity from that entity, found by its key', async () => {
    const plan = await explain(listStatement(LISTS.organizations, { headquarteredIn: 'CN' }, null));
    expect(plan.some((op) => op.startsWith('NodeUniqueIndexSeek') && op.includes('Country(key)'))).toBe(true);
    expect(plan.some((op) => op.startsWith('NodeByLabelScan') || op.startsWith('NodeIndexScan'))).toBe(false);
  });

  it('orders events by their stored year key through its index', async () => {
    const plan = await explain(listStatement(LISTS.events, {}, null, 'YEAR'));
    expect(plan.some((op) => op.startsWith('NodeIndexScan') && op.includes('Event(sortYear)'))).toBe(true);
    expect(plan.some((op) => /^(Sort|Top) /.test(op))).toBe(false);
  });

  it('expands a relationship field from each parent found by uid, with the type in the pattern', async () => {
    const text = library.compose('relationships/page', {
      ...relationshipSlots(library, { types: ['HEADQUARTERED_IN'], direction: 'INCOMING', other: 'Organization' }),
      position: positionExpression({ byType: false, sortKey: 'sortName' }, 'r', 'other'),
      seek: '',
      order: orderExpression({ byType: false, sortKey: 'sortName' }, 'r', 'other', 'ASC'),
    });
    const plan = await explain(text);
    expect(plan.some((op) => op.startsWith('NodeUniqueIndexSeek') && op.includes('Entity(uid)'))).toBe(true);
    expect(plan.some((op) => op.startsWith('Expand') && op.includes('HEADQUARTERED_IN'))).toBe(true);
    expect(plan.some((op) => op.startsWith('NodeByLabelScan') || op.startsWith('AllNodesScan'))).toBe(false);
  });

  it('keeps the uid seek and the typed expand when a relationship field is read as of a day', async () => {
    const text = library.compose('relationships/page', {
      ...relationshipSlots(library, { types: ['PART_OF'], direction: 'OUTGOING', other: 'Organization', asOf: '2015-01-01' }),
      position: positionExpression({ byType: false, sortKey: 'sortName' }, 'r', 'other'),
      seek: '',
      order: orderExpression({ byType: false, sortKey: 'sortName' }, 'r', 'other', 'ASC'),
    });
    expect(text).toContain('WHERE coalesce(r.validFromBound');
    const plan = await explain(text);
    expect(plan.some((op) => op.startsWith('NodeUniqueIndexSeek') && op.includes('Entity(uid)'))).toBe(true);
    expect(plan.some((op) => op.startsWith('Expand') && op.includes('PART_OF'))).toBe(true);
    expect(plan.some((op) => op.startsWith('NodeByLabelScan') || op.startsWith('AllNodesScan') || op.includes('RelationshipTypeScan'))).toBe(false);
  });

  it('starts every walk read as of a day from the uid index, as without a day', async () => {
    const rel = `[r${whereHeldOn(library, 'r', '2015-01-01')}]`;
    const neighbourhood = library.compose('traversal/neighbourhood', { rel, labels: '', steps: library.compose('traversal/neighbourhood-step', { rel, labels: '' }) });
    const composed = (name: string) => (name === 'traversal/neighbourhood' ? neighbourhood : library.compose(name, { held: andHeldOn(library, 'r', '2015-01-01') }));
    for (const name of ['traversal/neighbourhood', 'traversal/expand-frontier', 'traversal/shortest-path', 'traversal/all-shortest-paths']) {
      const text = composed(name);
      expect(text).toContain('r.validFromBound');
      const plan = await explain(text);
      expect({ name, seek: plan.some((op) => op.startsWith('NodeUniqueIndexSeek') && op.includes('Entity(uid)')) }).toEqual({ name, seek: true });
      expect({ name, scan: plan.some((op) => op.startsWith('NodeByLabelScan') || op.startsWith('AllNodesScan')) }).toEqual({ name, scan: false });
    }
  });

  it('still reads a theme\'s projects from the degree store when no day is asked', async () => {
    const plan = await explain(library.compose('analytics/counts-by-theme', { held_r: whereHeldOn(library, 'r', null) }));
    expect(plan.some((op) => op.startsWith('GetDegree') || op.includes('getDegree'))).toBe(true);
  });
});
