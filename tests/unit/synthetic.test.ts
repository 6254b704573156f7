import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isEnumType, isListType, isNonNullType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { CountryCodeResolver, LocalDateResolver, NonNegativeIntResolver, PositiveIntResolver, URLResolver } from 'graphql-scalars';
import neo4j from 'neo4j-driver';
import { ISO_ALPHA2_CODES } from '../../src/graph/countryCodes';
import { entityUid, SORT_PROPERTIES } from '../../src/graph/storedProperties';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../../src/graph/vocabulary';
import { withLimits } from '../../src/graphql/typeDefs';
import {
  allowedLabel,
  allowedType,
  buildSyntheticPlan,
  mulberry32,
  planChecksum,
  planCounts,
  Rng,
  storedNodeProperties,
  storedRelationshipProperties,
  structureChecksum,
  syntheticHubUid,
  syntheticKey,
  syntheticLabelCounts,
  syntheticPairs,
  syntheticProvenance,
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
  CONCERNS: [['Organization', 'Event'], ['Theme']],
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

  beforeAll(() => {
    plan = buildSyntheticPlan(options);
  });

  it('splits the asked number of nodes over the labels exactly', () => {
    for (const total of [1_000, 1_234, 100_000, 250_000]) {
      const counts = syntheticLabelCounts(total);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(total);
      expect(Object.values(counts).every((count) => count > 0)).toBe(true);
    }
    expect(() => syntheticLabelCounts(999)).toThrow(RangeError);
  });

  // How fast it is built is measured by `npm run bench` (graph.writeMs), not asserted here.
  it('has 100 000 nodes and several relationships per node', () => {
    expect(plan.nodeCount).toBe(100_000);
    expect(plan.relationshipCount).toBeGreaterThan(2.5 * plan.nodeCount);
  });

  it('uses only the model labels, with unique uids, syn- keys (ISO codes for countries) and facts without derived properties', () => {
    const uids = new Set<string>();
    const bad: string[] = [];
    // Derived by src/graph/storedProperties.ts when writing, never by the plan.
    const derived = ['key', 'uid', 'lookupText', 'aliasesText', 'acronymKey', 'provenance', 'sourceKeys', ...Object.values(SORT_PROPERTIES)];
    for (const [label, group] of plan.nodes) {
      expect(NODE_LABELS).toContain(label);
      for (const node of group) {
        const ok =
          (label === 'Country' ? ISO_ALPHA2_CODES.includes(node.key) : node.key.startsWith('syn-')) &&
          node.uid === entityUid(label, node.key) &&
          typeof (node.facts.name ?? node.facts.title) === 'string' &&
          derived.every((name) => !(name in node.facts));
        if (!ok) bad.push(node.uid);
        uids.add(node.uid);
      }
    }
    expect(bad).toEqual([]);
    expect(uids.size).toBe(plan.nodeCount);
    expect(uids.has(`Source:${SYNTHETIC_SOURCE_KEY}`)).toBe(true);
    expect(uids.has(syntheticHubUid())).toBe(true);
  });

  it('has one country per ISO 3166-1 alpha-2 code, capped at the 249 codes', () => {
    expect(ISO_ALPHA2_CODES).toHaveLength(249);
    expect(ISO_ALPHA2_CODES).toEqual(expect.arrayContaining(['CN', 'US', 'ZW', 'AD']));
    expect(ISO_ALPHA2_CODES).not.toContain('XK'); // accepted by the scalar, but user-assigned, not official
    expect(syntheticLabelCounts(100_000).Country).toBe(249);
    expect(syntheticLabelCounts(5_000).Country).toBe(50);
    expect(Object.values(syntheticLabelCounts(1_000_000)).reduce((a, b) => a + b, 0)).toBe(1_000_000);
    const keys = plan.nodes.get('Country')!.map((node) => node.key);
    expect(keys).toEqual(ISO_ALPHA2_CODES);
    expect(syntheticKey('Country', 0)).toBe('AD');
    expect(() => syntheticKey('Country', 249)).toThrow(RangeError);
    // No alpha-3 or numeric code: nothing honest to derive them from.
    expect(plan.nodes.get('Country')!.filter((node) => 'alpha3' in node.facts || 'numeric' in node.facts)).toEqual([]);
  });

  it('links only existing nodes, with the model relationship types between the kinds the model allows', () => {
    const labelOf = new Map<string, string>();
    for (const [label, group] of plan.nodes) for (const node of group) labelOf.set(node.uid, label);
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
    expect(again.relationships.get('ORGANIZED')![4_567]).toEqual(plan.relationships.get('ORGANIZED')![4_567]);
    const small = { nodes: 5_000, seed: 42 };
    expect(planChecksum(buildSyntheticPlan(small))).toBe(planChecksum(buildSyntheticPlan(small)));
    expect(planChecksum(buildSyntheticPlan({ ...small, seed: 43 }))).not.toBe(planChecksum(buildSyntheticPlan(small)));
  });

  it('gives deterministic benchmark pairs of existing nodes', () => {
    const pairs = syntheticPairs(options, 10);
    expect(pairs).toEqual(syntheticPairs(options, 10));
    expect(pairs).toHaveLength(10);
    const uids = new Set<string>();
    for (const group of plan.nodes.values()) for (const node of group) uids.add(node.uid);
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

/**
 * What the writer stores (plan → src/graph/storedProperties.ts) read against the API itself: the SDL of
 * schema/*.graphql (limits filled in as the server fills them) and the graphql-scalars resolvers the server
 * uses. A value that fails here would make the server fail to serialize a field, or hand out an enum value
 * its own schema does not have.
 */
const REPO_ROOT = path.resolve(__dirname, '..', '..');

function loadSchema(): GraphQLSchema {
  const dir = path.join(REPO_ROOT, 'schema');
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.graphql')).sort();
  return buildSchema(files.map((name) => withLimits(fs.readFileSync(path.join(dir, name), 'utf8'))).join('\n'));
}

interface ScalarResolver {
  parseValue(value: unknown): unknown;
  serialize(value: unknown): unknown;
}
/** The custom scalars, as src/graphql/resolvers/index.ts resolves them. */
const CUSTOM_SCALARS: Record<string, ScalarResolver> = {
  CountryCode: CountryCodeResolver,
  LocalDate: LocalDateResolver,
  URL: URLResolver,
  NonNegativeInt: NonNegativeIntResolver,
  PositiveInt: PositiveIntResolver,
};

/** GraphQL fields of an entity type whose stored property has another name (src/graphql/resolvers/*.ts). */
const STORED_AS: Partial<Record<NodeLabel, Record<string, string>>> = {
  Country: { code: 'key', numericCode: 'numeric' },
  Source: { sourceKind: 'kind' },
  Organization: { organizationKind: 'kind' },
  Event: { eventKind: 'kind' },
  Agreement: { agreementKind: 'kind' },
  TrainingProgram: { traineeCount: 'traineeCountMin' },
};
/** Fields computed from the node, not read from a property of that name (`kind` is the EntityKind of the label). */
const COMPUTED_FIELDS = new Set(['id', 'kind', 'label']);

/** The SDL type of every qualifier each relationship type may carry (docs/model.md); typed links expose them under these names. */
const QUALIFIER_TYPES: Record<RelationshipType, Record<string, string>> = {
  PART_OF: { startDate: 'LocalDate', endDate: 'LocalDate', startYear: 'Int', endYear: 'Int' },
  HEADQUARTERED_IN: { city: 'String' },
  MEMBER_OF: { asOf: 'String' },
  IN_REGION: {},
  PART_OF_REGION: {},
  HOLDS: { startDate: 'LocalDate', endDate: 'LocalDate' },
  AFFILIATED_WITH: { startDate: 'LocalDate', endDate: 'LocalDate' },
  POSITION_IN: {},
  HELD_BY_STAFF_OF: { holderNamed: 'Boolean' },
  ORGANIZED: { role: 'OrganizerRole' },
  IN_SERIES_OF: {},
  HELD_IN: { city: 'String' },
  PARTICIPATES_IN: { role: 'ParticipationRole' },
  TARGETS: { sourceLabel: 'String', mapping: 'RegionMapping' },
  HAS_THEME: {},
  CONCERNS: {},
  // The SDL has no enum for a party's role: it is shown as a text qualifier.
  PARTY_TO: { role: 'String' },
  PROVIDES: {},
  TRAINEES_FROM: { sourceLabel: 'String', mapping: 'RegionMapping', count: 'NonNegativeInt' },
  ABOUT: {},
  SCOPED_TO: { sourceLabel: 'String', mapping: 'RegionMapping' },
};
const RELATIONSHIP_BOOKKEEPING = new Set(['id', 'provenance', 'sourceKeys', 'confidenceRank', 'version', 'discriminator']);

/** Neo4j integers back to numbers, as the server reads them. */
function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  return Array.isArray(value) ? value.map(plain) : value;
}

describe('what the synthetic graph stores, read against the API’s SDL and scalars (5 000 nodes)', () => {
  const seedOptions = [
    { nodes: 5_000, seed: 42 },
    { nodes: 5_000, seed: 7 },
  ];
  let schema: GraphQLSchema;
  const graphs: Array<{ nodes: Map<NodeLabel, Record<string, unknown>[]>; relationships: Map<RelationshipType, Record<string, unknown>[]> }> = [];

  beforeAll(() => {
    schema = loadSchema();
    for (const options of seedOptions) {
      const plan = buildSyntheticPlan(options);
      const provenance = syntheticProvenance(options.seed);
      graphs.push({
        nodes: new Map([...plan.nodes].map(([label, group]) => [label, group.map((node) => storedNodeProperties(label, node, provenance))])),
        relationships: new Map(
          [...plan.relationships].map(([type, group]) => [type, group.map((rel) => storedRelationshipProperties(type, rel, provenance))]),
        ),
      });
    }
  });

  /** Why `value` is not a valid value of the SDL type `typeName`, or null when it is. */
  function problemWith(typeName: string, value: unknown): string | null {
    const type = schema.getType(typeName);
    if (!type) return `the SDL has no type ${typeName}`;
    if (isEnumType(type)) return typeof value === 'string' && type.getValue(value) ? null : `${String(value)} is not a member of enum ${typeName}`;
    if (!isScalarType(type)) return `${typeName} is not a leaf type`;
    const resolver: ScalarResolver = CUSTOM_SCALARS[typeName] ?? type;
    try {
      if (CUSTOM_SCALARS[typeName]) resolver.parseValue(value);
      const served = resolver.serialize(value);
      // What the API serves must be what is stored (no normalisation behind the client's back).
      if (served !== value) return `${JSON.stringify(value)} is served as ${JSON.stringify(served)} by ${typeName}`;
      return null;
    } catch (error) {
      return `${JSON.stringify(value)} is not a valid ${typeName}: ${(error as Error).message}`;
    }
  }

  it('parses every Country key with CountryCode; every other key keeps its syn- prefix', () => {
    for (const graph of graphs) {
      const bad: string[] = [];
      for (const [label, group] of graph.nodes) {
        for (const props of group) {
          const key = String(props.key);
          if (label === 'Country') {
            if (CountryCodeResolver.parseValue(key) !== key || key !== key.toUpperCase()) bad.push(key);
          } else if (!key.startsWith('syn-')) bad.push(key);
        }
      }
      expect(bad).toEqual([]);
      expect(graph.nodes.get('Country')).toHaveLength(50);
    }
  });

  it('stores on every entity only values its GraphQL type accepts: enums, dates, URLs, counts', () => {
    const checked = new Set<string>();
    const bad: string[] = [];
    for (const graph of graphs) {
      for (const [label, group] of graph.nodes) {
        const objectType = schema.getType(label);
        if (!isObjectType(objectType)) throw new Error(`The SDL has no object type ${label}.`);
        for (const field of Object.values(objectType.getFields())) {
          if (COMPUTED_FIELDS.has(field.name)) continue;
          const named = getNamedType(field.type);
          const leaf = isEnumType(named) || (isScalarType(named) && named.name in CUSTOM_SCALARS);
          if (!leaf) continue;
          const property = STORED_AS[label]?.[field.name] ?? field.name;
          const isList = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
          for (const props of group) {
            const value = plain(props[property]);
            if (value === undefined || value === null) {
              if (isNonNullType(field.type) && !isList) bad.push(`${label} ${String(props.uid)} lacks ${property} (${field.name}: ${String(field.type)})`);
              continue;
            }
            for (const item of Array.isArray(value) ? value : [value]) {
              const problem = problemWith(named.name, item);
              if (problem) bad.push(`${label} ${String(props.uid)} ${property}: ${problem}`);
              checked.add(`${label}.${property}: ${named.name}`);
            }
          }
        }
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    // The check is not vacuous: each enum-valued or scalar-typed property the generator writes was read.
    expect([...checked]).toEqual(
      expect.arrayContaining([
        'Source.kind: SourceKind',
        'Country.key: CountryCode',
        'Region.level: RegionLevel',
        'Organization.kind: OrganizationKind',
        'Organization.website: URL',
        'Theme.lists: ThemeList',
        'Project.level: ProjectLevel',
        'Project.status: ProjectStatus',
        'Project.collaborationTypes: CollaborationType',
        'Project.plannedStart: LocalDate',
        'Project.plannedEnd: LocalDate',
        'Agreement.kind: AgreementKind',
        'Agreement.signedOn: LocalDate',
        'Event.kind: EventKind',
        'Event.startDate: LocalDate',
        'Event.edition: PositiveInt',
        'TrainingProgram.traineeCountMin: NonNegativeInt',
        'TrainingProgram.traineeCountQualifier: ClaimQualifier',
        'TrainingProgram.countryCount: NonNegativeInt',
        'Claim.unit: ClaimUnit',
        'Claim.qualifier: ClaimQualifier',
      ]),
    );
  });

  it('puts on relationships only the qualifiers of the model, each a valid value of its SDL type', () => {
    const checked = new Set<string>();
    const bad: string[] = [];
    for (const graph of graphs) {
      for (const [type, group] of graph.relationships) {
        for (const props of group) {
          for (const [name, stored] of Object.entries(props)) {
            if (RELATIONSHIP_BOOKKEEPING.has(name)) continue;
            const typeName = QUALIFIER_TYPES[type][name];
            if (!typeName) {
              bad.push(`${type} carries ${name}, which the model does not list`);
              continue;
            }
            const problem = problemWith(typeName, plain(stored));
            if (problem) bad.push(`${type} ${name}: ${problem}`);
            checked.add(`${type}.${name}: ${typeName}`);
          }
        }
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect([...checked]).toEqual(
      expect.arrayContaining([
        'ORGANIZED.role: OrganizerRole',
        'PARTICIPATES_IN.role: ParticipationRole',
        'TARGETS.mapping: RegionMapping',
        'TRAINEES_FROM.mapping: RegionMapping',
        'SCOPED_TO.mapping: RegionMapping',
        'PART_OF.startDate: LocalDate',
        'HOLDS.startDate: LocalDate',
      ]),
    );
  });

  it('gives relationships ids unique per type (the constraint of migration 0005) and provenance naming the generator', () => {
    for (const graph of graphs) {
      for (const [type, group] of graph.relationships) {
        expect(new Set(group.map((props) => props.id)).size).toBe(group.length);
        for (const props of group.slice(0, 3)) {
          expect(props.sourceKeys).toEqual([SYNTHETIC_SOURCE_KEY]);
          expect(JSON.parse(String(props.provenance))).toEqual([expect.objectContaining({ source: SYNTHETIC_SOURCE_KEY, confidence: 'LOW' })]);
          expect(typeof props.id).toBe('string');
        }
        expect(type).toBe(allowedType(type));
      }
    }
  });

  it('names every entity uniquely per label in Title Case ASCII, so raw-name order and sortName order agree', () => {
    const titleCase = /^[A-Z0-9][a-z0-9]*( [A-Z0-9][a-z0-9]*)*$/;
    const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    for (const graph of graphs) {
      for (const [label, group] of graph.nodes) {
        const rows = group.map((props) => ({ name: String(props.name ?? props.title), sortName: String(props.sortName) }));
        expect(rows.filter((row) => !titleCase.test(row.name)).map((row) => `${label}: ${row.name}`)).toEqual([]);
        expect(new Set(rows.map((row) => row.name.toLowerCase())).size).toBe(rows.length);
        const byName = [...rows].sort((a, b) => compare(a.name, b.name)).map((row) => row.name);
        const bySortName = [...rows].sort((a, b) => compare(a.sortName, b.sortName)).map((row) => row.name);
        expect(bySortName).toEqual(byName);
      }
    }
  });
});

describe('the writer’s allow-lists', () => {
  it('passes on only labels and relationship types of src/graph/vocabulary.ts', () => {
    expect(NODE_LABELS.map(allowedLabel)).toEqual([...NODE_LABELS]);
    expect(RELATIONSHIP_TYPES.map(allowedType)).toEqual([...RELATIONSHIP_TYPES]);
    expect(() => allowedLabel('Country) DETACH DELETE (n')).toThrow(/Not a node label/);
    expect(() => allowedLabel('Synthetic')).toThrow(/Not a node label/);
    expect(() => allowedType('KNOWS')).toThrow(/Not a relationship type/);
  });
});
