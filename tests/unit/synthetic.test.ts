import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../src/graph/vocabulary';
import {
  buildSyntheticPlan,
  mulberry32,
  planChecksum,
  planCounts,
  Rng,
  structureChecksum,
  syntheticHubUid,
  syntheticLabelCounts,
  syntheticPairs,
  SYNTHETIC_SOURCE_KEY,
  type SyntheticPlan,
} from '../../src/synthetic';

/** The synthetic graph's plan, without a database: determinism, size, vocabulary, shape. */

/** docs/model.md: which kinds each relationship type may link (from → to); null = any kind. */
const ENDPOINTS: Record<string, [string[], string[] | null]> = {
  PART_OF: [['Organization'], ['Organization']],
  HEADQUARTERED_IN: [['Organization'], ['Country']],
  MEMBER_OF: [['Country'], ['Organization']],
  IN_REGION: [['Country'], ['Region']],
  PART_OF_REGION: [['Region'], ['Region']],
  HOLDS: [['Person'], ['Position']],
  AFFILIATED_WITH: [['Person'], ['Organization']],
  POSITION_IN: [['Position'], ['Organization']],
  HELD_BY_STAFF_OF: [['Position'], ['Organization']],
  ORGANIZED: [['Organization'], ['Event']],
  IN_SERIES_OF: [['Event'], ['Organization']],
  HELD_IN: [['Event'], ['Country']],
  PARTICIPATES_IN: [['Organization'], ['Project']],
  TARGETS: [['Project'], ['Region', 'Country']],
  HAS_THEME: [['Project'], ['Theme']],
  PARTY_TO: [['Organization'], ['Agreement']],
  PROVIDES: [['Organization'], ['TrainingProgram']],
  TRAINEES_FROM: [['TrainingProgram'], ['Region']],
  ABOUT: [['Claim'], null],
  SCOPED_TO: [['Claim'], ['Region']],
};

describe('the seeded pseudo-random generator', () => {
  it('gives the same sequence for the same seed and another one for another seed', () => {
    const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    expect(take(42).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('skews indices towards 0, so low indices become hubs', () => {
    const rng = new Rng(7);
    const hits = new Array(100).fill(0);
    for (let i = 0; i < 100_000; i += 1) hits[rng.skewed(100, 3)] += 1;
    expect(hits[0]).toBeGreaterThan(20 * hits[99]);
    expect(hits.slice(0, 10).reduce((a, b) => a + b, 0)).toBeGreaterThan(40_000);
  });

  it('draws distinct indices and always ends, even when fewer exist than asked', () => {
    const rng = new Rng(1);
    const picked = rng.distinct(5, 10, () => rng.int(0, 9));
    expect(new Set(picked).size).toBe(picked.length);
    expect(rng.distinct(50, 3, () => rng.int(0, 2)).sort()).toEqual([0, 1, 2]);
  });
});

describe('the synthetic plan', () => {
  const options = { nodes: 100_000, seed: 42 };
  let plan: SyntheticPlan;
  let planMs: number;

  beforeAll(() => {
    const started = Date.now();
    plan = buildSyntheticPlan(options);
    planMs = Date.now() - started;
  });

  it('splits the asked number of nodes over the labels exactly', () => {
    for (const total of [1_000, 1_234, 100_000, 250_000]) {
      const counts = syntheticLabelCounts(total);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(total);
      expect(Object.values(counts).every((count) => count > 0)).toBe(true);
    }
    expect(() => syntheticLabelCounts(999)).toThrow(RangeError);
  });

  it('has 100 000 nodes and several relationships per node, built in a few seconds', () => {
    expect(plan.nodeCount).toBe(100_000);
    expect(plan.relationshipCount).toBeGreaterThan(2.5 * plan.nodeCount);
    expect(planMs).toBeLessThan(10_000);
  });

  it('uses only the model labels, with unique syn- keys, uids, names and lookup text', () => {
    const uids = new Set<string>();
    const bad: string[] = [];
    for (const [label, group] of plan.nodes) {
      expect(NODE_LABELS).toContain(label);
      for (const props of group) {
        const ok =
          String(props.key).startsWith('syn-') &&
          props.uid === `${label}:${String(props.key)}` &&
          typeof (props.name ?? props.title) === 'string' &&
          typeof props.lookupText === 'string';
        if (!ok) bad.push(String(props.uid));
        uids.add(String(props.uid));
      }
    }
    expect(bad).toEqual([]);
    expect(uids.size).toBe(plan.nodeCount);
    expect(uids.has(`Source:${SYNTHETIC_SOURCE_KEY}`)).toBe(true);
    expect(uids.has(syntheticHubUid())).toBe(true);
  });

  it('links only existing nodes, with the model relationship types between the kinds the model allows', () => {
    const labelOf = new Map<string, string>();
    for (const [label, group] of plan.nodes) for (const props of group) labelOf.set(String(props.uid), label);
    const bad: string[] = [];
    for (const [type, group] of plan.relationships) {
      expect(RELATIONSHIP_TYPES).toContain(type);
      const [from, to] = ENDPOINTS[type];
      const pairs = new Set<string>();
      for (const rel of group) {
        const fromOk = from.includes(labelOf.get(rel.from) ?? '');
        const toOk = to ? to.includes(labelOf.get(rel.to) ?? '') : labelOf.has(rel.to);
        if (!fromOk || !toOk) bad.push(`${type} ${rel.from} -> ${rel.to}`);
        pairs.add(`${rel.from}>${rel.to}`);
      }
      if (pairs.size !== group.length) bad.push(`${type} has parallel relationships`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(new Set(plan.relationships.keys())).toEqual(new Set(RELATIONSHIP_TYPES));
  });

  it('has power-law-ish degrees: a few hubs, most nodes with a handful of relationships', () => {
    const degree = new Map<string, number>();
    for (const group of plan.relationships.values()) {
      for (const rel of group) {
        degree.set(rel.from, (degree.get(rel.from) ?? 0) + 1);
        degree.set(rel.to, (degree.get(rel.to) ?? 0) + 1);
      }
    }
    const sorted = [...degree.values()].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    expect(median).toBeLessThanOrEqual(5);
    expect(sorted.at(-1)!).toBeGreaterThan(500 * median);
    expect(degree.get(syntheticHubUid())).toBe(Math.max(...[...degree].filter(([uid]) => uid.startsWith('Organization:')).map(([, d]) => d)));
    // Every node but the source takes part in at least one relationship.
    expect(degree.size).toBe(plan.nodeCount - 1);
  });

  it('is deterministic: the same seed gives the same plan, another seed another one', () => {
    const again = buildSyntheticPlan(options);
    expect(planChecksum(again)).toBe(planChecksum(plan));
    expect(planCounts(again)).toEqual(planCounts(plan));
    expect(again.nodes.get('Organization')![123]).toEqual(plan.nodes.get('Organization')![123]);
    const small = { nodes: 5_000, seed: 42 };
    expect(planChecksum(buildSyntheticPlan(small))).toBe(planChecksum(buildSyntheticPlan(small)));
    expect(planChecksum(buildSyntheticPlan({ ...small, seed: 43 }))).not.toBe(planChecksum(buildSyntheticPlan(small)));
  });

  it('gives deterministic benchmark pairs of existing nodes', () => {
    const pairs = syntheticPairs(options, 10);
    expect(pairs).toEqual(syntheticPairs(options, 10));
    expect(pairs).toHaveLength(10);
    const uids = new Set<string>();
    for (const group of plan.nodes.values()) for (const props of group) uids.add(String(props.uid));
    for (const [from, to] of pairs) {
      expect(uids.has(from) && uids.has(to)).toBe(true);
      expect(from).not.toBe(to);
    }
  });

  it('computes the structure checksum independently of order', () => {
    const a = structureChecksum(['A:1', 'B:2'], [['T', 'A:1', 'B:2']]);
    expect(structureChecksum(['B:2', 'A:1'], [['T', 'A:1', 'B:2']])).toBe(a);
    expect(structureChecksum(['A:1', 'B:2'], [['T', 'B:2', 'A:1']])).not.toBe(a);
  });
});
