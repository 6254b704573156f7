import { createHash } from 'node:crypto';
import { ISO_ALPHA2_CODES } from '../graph/countryCodes';
import { entityUid, type FactValue } from '../graph/storedProperties';
import type { NodeLabel, RelationshipType } from '../graph/vocabulary';
import { Rng } from './prng';

/**
 * The synthetic benchmark graph, planned in memory before anything is written: the same `{ nodes, seed }`
 * always gives the same nodes, relationships and facts. It uses the real labels and relationship types
 * with the shapes of docs/model.md (organizations headquartered in countries, countries in regions, events
 * organized by organizations…) and power-law-ish degrees: a few hub organizations, countries and themes
 * collect most links, as the real cooperation network would.
 *
 * The plan holds facts only. Everything derived from them (lookup text, sort keys, provenance, relationship
 * ids) is added by src/graph/storedProperties.ts when the graph is written (stored.ts), as for the seed.
 *
 * Every value passes the API's scalars and enums: Country keys are real ISO 3166-1 alpha-2 codes (the
 * `CountryCode` scalar's list, src/graph/countryCodes.ts), every other key starts with `syn-`, dates are
 * calendar dates, URLs are absolute (under the reserved example.org domain), enum-valued properties are
 * members of their SDL enum. Names are unique per label and Title Case plain ASCII (letters, digits, single
 * spaces; every word starts with a capital or a digit, no capital elsewhere), so ordering by the raw `name`
 * and by the folded `sortName` give the same order.
 */
export type PlanFacts = Record<string, FactValue>;

export interface PlannedNode {
  key: string;
  /** `Label:key`, as storedProperties' entityUid makes it. */
  uid: string;
  facts: PlanFacts;
}

export interface PlannedRelationship {
  /** uid (`Label:key`) of the start node. */
  from: string;
  /** uid of the end node. */
  to: string;
  qualifiers: PlanFacts;
  /**
   * Tells apart relationships of one type between the same ends in their stable id: empty for the first,
   * `2`, `3`… for repeats (the plan makes none today: the model has no parallel relationships).
   */
  discriminator: string;
}

export interface SyntheticPlan {
  seed: number;
  /** Nodes per label, in creation order. */
  nodes: Map<NodeLabel, PlannedNode[]>;
  relationships: Map<RelationshipType, PlannedRelationship[]>;
  nodeCount: number;
  relationshipCount: number;
}

export interface SyntheticOptions {
  /** Total number of nodes to create (at least 1 000). */
  nodes: number;
  /** Seed of the pseudo-random generator. */
  seed: number;
}

export const SYNTHETIC_SOURCE_KEY = 'syn-generator';

type PlannedLabel = Exclude<NodeLabel, 'Source'>;

/** The key prefixes per label; keys are `<prefix>-<zero-padded index>`. Countries use ISO codes instead. */
const KEY_PREFIX: Record<Exclude<PlannedLabel, 'Country'>, string> = {
  Region: 'syn-region',
  Theme: 'syn-theme',
  Organization: 'syn-org',
  Project: 'syn-project',
  Event: 'syn-event',
  Agreement: 'syn-agreement',
  Person: 'syn-person',
  Position: 'syn-position',
  TrainingProgram: 'syn-training',
  Claim: 'syn-claim',
};

/**
 * The key of the `index`th node of a label: `syn-org-000012` and the like; for countries the `index`th
 * ISO 3166-1 alpha-2 code in alphabetical order (0 → `AD`), so synthetic countries pass the `CountryCode`
 * scalar (and share uids such as `Country:CN` with the real seed: the writer refuses a database holding real
 * countries).
 */
export function syntheticKey(label: PlannedLabel, index: number): string {
  if (label === 'Country') {
    const code = ISO_ALPHA2_CODES[index];
    if (code === undefined) throw new RangeError(`There are only ${ISO_ALPHA2_CODES.length} country codes (asked for #${index}).`);
    return code;
  }
  return `${KEY_PREFIX[label]}-${String(index).padStart(6, '0')}`;
}

export function syntheticUid(label: PlannedLabel, index: number): string {
  return entityUid(label, syntheticKey(label, index));
}

/**
 * How many nodes of each label a graph of `total` nodes gets; the counts always add up to `total`.
 * Countries are 1 % of the graph but at most one per ISO 3166-1 alpha-2 code (249: reached from 24 900
 * nodes on); what a capped label does not take goes to Claim, which takes the remainder.
 */
export function syntheticLabelCounts(total: number): Record<NodeLabel, number> {
  if (!Number.isInteger(total) || total < 1_000) throw new RangeError('A synthetic graph needs at least 1 000 nodes.');
  const counts = {
    Source: 1,
    Region: Math.max(10, Math.round(total * 0.001)),
    Country: Math.min(ISO_ALPHA2_CODES.length, Math.max(10, Math.round(total * 0.01))),
    Theme: Math.max(5, Math.round(total * 0.001)),
    Organization: Math.round(total * 0.15),
    Project: Math.round(total * 0.18),
    Event: Math.round(total * 0.3),
    Agreement: Math.round(total * 0.08),
    Person: Math.round(total * 0.12),
    Position: Math.round(total * 0.06),
    TrainingProgram: Math.round(total * 0.02),
    Claim: 0,
  };
  counts.Claim = total - Object.values(counts).reduce((sum, count) => sum + count, 0);
  return counts;
}

/** The organization every generated graph makes its largest hub (most events, projects and members). */
export function syntheticHubUid(): string {
  return syntheticUid('Organization', 0);
}

/**
 * `count` deterministic pairs of synthetic node uids for path benchmarks and tests, drawn from the kinds
 * that sit at both ends of real questions (organizations, countries, events, projects, people, themes).
 * Computed from the counts alone, so callers need not hold the plan.
 */
export function syntheticPairs(options: SyntheticOptions, count: number): Array<[string, string]> {
  const counts = syntheticLabelCounts(options.nodes);
  const rng = new Rng((options.seed ^ 0x5bd1e995) >>> 0);
  const labels = ['Organization', 'Country', 'Event', 'Project', 'Person', 'Theme', 'Agreement'] as const;
  const pairs: Array<[string, string]> = [];
  while (pairs.length < count) {
    const fromLabel = rng.pick(labels);
    const toLabel = rng.pick(labels);
    const from = syntheticUid(fromLabel, rng.int(0, counts[fromLabel] - 1));
    const to = syntheticUid(toLabel, rng.int(0, counts[toLabel] - 1));
    if (from !== to) pairs.push([from, to]);
  }
  return pairs;
}

const SYLLABLES = ['ka', 'lo', 'mer', 'dan', 'vi', 'sor', 'tal', 'ren', 'bu', 'go', 'ash', 'el', 'qu', 'nor', 'zen', 'tir', 'pa', 'mon', 'lis', 'ar', 'hu', 'ves', 'or', 'chi'];
const COUNTRY_ENDINGS = ['ia', 'land', 'stan', 'ora', 'ica', 'esh', 'ar', 'ania'];
/** Title Case, as every synthetic name is (see the file comment). */
const TOPICS = [
  'Geological Mapping', 'Mineral Resources Assessment', 'Marine Geology', 'Environmental Geology', 'Hydrogeology',
  'Urban Geology', 'Global Climate Change', 'Earth System Science', 'Geochemical Mapping', 'Digital Geological Mapping',
  'Geohazards', 'Geothermal Energy', 'Groundwater Monitoring', 'Remote Sensing', 'Geoparks', 'Seismotectonics',
  'Critical Minerals', 'Coastal Geology', 'Karst Geology', 'Permafrost', 'Petroleum Geology', 'Geoinformatics',
  'Paleontology', 'Volcanology', 'Soil Geochemistry', 'Engineering Geology', 'Geophysical Survey', 'Isotope Geochemistry',
  'Landslide Risk', 'Carbon Storage', 'Metallogeny', 'Tectonics', 'Sedimentology', 'Quaternary Geology',
  'Glaciology', 'Medical Geology', 'Agricultural Geology', 'Geoheritage', 'Mining Environment', 'Water Resources',
];
/** OrganizationKind members, weighted; '' = no kind stored (the API answers null). */
const ORGANIZATION_KINDS = [
  ['GEOLOGICAL_SURVEY', 14],
  ['RESEARCH_INSTITUTE', 25],
  ['UNIVERSITY', 24],
  ['GOVERNMENT_BODY', 14],
  ['INTERGOVERNMENTAL_ORGANIZATION', 2],
  ['NON_GOVERNMENTAL_ORGANIZATION', 11],
  ['REGIONAL_ORGANIZATION', 2],
  ['NETWORK', 6],
  ['', 2],
] as const;
/** EventKind members, weighted, with the word an event's name uses. */
const EVENT_KINDS: ReadonlyArray<readonly [readonly [string, string], number]> = [
  [['CONFERENCE', 'Conference'], 40],
  [['MEETING', 'Meeting'], 25],
  [['SYMPOSIUM', 'Symposium'], 20],
  [['CONGRESS', 'Congress'], 8],
  [['ANNUAL_SESSION', 'Annual Session'], 7],
];
const PROJECT_STATUSES = ['PIPELINE', 'IMPLEMENTATION', 'FINALISATION', 'CLOSED', 'CANCELLED', 'SUSPENDED'] as const;
const PARTICIPATION_ROLES = ['FUNDING', 'ACCOUNTABLE', 'EXTENDING', 'IMPLEMENTING'] as const;
const MAPPINGS = [
  ['EXACT', 8],
  ['CLOSEST', 3],
  ['AMBIGUOUS', 1],
] as const;
/** ClaimQualifier members with the words a statement uses for them. */
const QUALIFIERS = [
  ['EXACT', 'exactly'],
  ['MORE_THAN', 'more than'],
  ['AT_LEAST', 'at least'],
  ['APPROXIMATELY', 'about'],
] as const;

/** Builds the whole plan in memory (about 1 s for 100 000 nodes). */
export function buildSyntheticPlan(options: SyntheticOptions): SyntheticPlan {
  const counts = syntheticLabelCounts(options.nodes);
  const rng = new Rng(options.seed);
  const nodes = new Map<NodeLabel, PlannedNode[]>();
  const relationships = new Map<RelationshipType, PlannedRelationship[]>();
  // How many relationships of each type join the same two ends, for the discriminator of repeats.
  const pairCounts = new Map<string, number>();
  const addNode = (label: NodeLabel, key: string, facts: PlanFacts) => {
    if (!nodes.has(label)) nodes.set(label, []);
    nodes.get(label)!.push({ key, uid: entityUid(label, key), facts });
  };
  const link = (type: RelationshipType, from: string, to: string, qualifiers: PlanFacts = {}) => {
    const pair = `${type}|${from}|${to}`;
    const seen = (pairCounts.get(pair) ?? 0) + 1;
    pairCounts.set(pair, seen);
    if (!relationships.has(type)) relationships.set(type, []);
    relationships.get(type)!.push({ from, to, qualifiers, discriminator: seen === 1 ? '' : String(seen) });
  };
  const uid = syntheticUid;
  const word = (parts: number) => {
    let text = '';
    for (let i = 0; i < parts; i += 1) text += rng.pick(SYLLABLES);
    return text[0].toUpperCase() + text.slice(1);
  };
  // Draws until the name is new, so names are unique per label (the draws stay deterministic).
  const uniqueName = (taken: Set<string>, draw: () => string) => {
    for (;;) {
      const name = draw();
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
  };
  const year = (from: number, to: number) => to - rng.skewed(to - from + 1, 1.6);
  // Days up to 28: every drawn date is a calendar date.
  const date = (y: number) => `${y}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;

  addNode('Source', SYNTHETIC_SOURCE_KEY, {
    title: 'Synthetic Benchmark Graph',
    publisher: 'GeoCoop Graph synthetic generator',
    kind: 'SYNTHETIC',
    note: `Generated data for benchmarks and scale tests (seed ${options.seed}); none of it is a fact.`,
  });

  // Regions: one world, five continents, then sub-regions and intermediate regions under them.
  const regionCount = counts.Region;
  const continentCount = Math.min(5, regionCount - 1);
  const firstIntermediate = Math.max(continentCount + 1, Math.floor(regionCount * 0.7));
  for (let i = 0; i < regionCount; i += 1) {
    const level = i === 0 ? 'WORLD' : i <= continentCount ? 'CONTINENT' : i < firstIntermediate ? 'SUB_REGION' : 'INTERMEDIATE_REGION';
    const name = i === 0 ? 'Synthetic World' : `${level === 'CONTINENT' ? 'Continent' : 'Region'} ${word(2)} ${i}`;
    addNode('Region', syntheticKey('Region', i), { name, level });
    if (i > 0) {
      const parent =
        level === 'CONTINENT' ? 0 : level === 'SUB_REGION' ? rng.int(1, continentCount) : rng.int(continentCount + 1, firstIntermediate - 1);
      link('PART_OF_REGION', uid('Region', i), uid('Region', parent));
    }
  }
  const leafRegion = () => rng.int(continentCount + 1, regionCount - 1);

  // Countries: real ISO codes as keys, invented names (no alpha-3 or numeric code: nothing honest to put).
  const countryNames: string[] = [];
  const takenCountryNames = new Set<string>();
  for (let i = 0; i < counts.Country; i += 1) {
    const name = uniqueName(takenCountryNames, () => `${word(2)}${rng.pick(COUNTRY_ENDINGS)}`);
    countryNames.push(name);
    addNode('Country', syntheticKey('Country', i), { name });
    link('IN_REGION', uid('Country', i), uid('Region', leafRegion()));
  }

  for (let i = 0; i < counts.Theme; i += 1) {
    const topic = TOPICS[i % TOPICS.length];
    const round = Math.floor(i / TOPICS.length);
    addNode('Theme', syntheticKey('Theme', i), {
      name: round === 0 ? topic : `${topic} ${round + 1}`,
      sourceLabel: topic.toLowerCase(),
      lists: [rng.chance(0.5) ? 'PROJECT_THEME' : 'FOCUS_AREA'],
    });
  }

  // Organizations: headquartered in countries (a few countries host many), some under a parent, the
  // intergovernmental and regional ones with member countries.
  const orgCount = counts.Organization;
  for (let i = 0; i < orgCount; i += 1) {
    const kind = rng.weighted(ORGANIZATION_KINDS);
    const country = rng.skewed(counts.Country, 2);
    const topic = rng.pick(TOPICS);
    const place = countryNames[country];
    const name =
      kind === 'GEOLOGICAL_SURVEY' ? `${place} Geological Survey ${i}`
      : kind === 'UNIVERSITY' ? `${place} ${word(2)} University ${i}`
      : kind === 'GOVERNMENT_BODY' ? `${place} Natural Resources Ministry ${i}`
      : kind === 'RESEARCH_INSTITUTE' ? `${place} ${topic} Institute ${i}`
      : `${word(2)} ${topic} ${kind === 'NETWORK' ? 'Network' : 'Association'} ${i}`;
    const acronym = name
      .split(' ')
      .filter((part) => /^[A-Z]/.test(part))
      .map((part) => part[0])
      .join('')
      .concat(String(i));
    const key = syntheticKey('Organization', i);
    const facts: PlanFacts = { name, acronym, aliases: [`${acronym} ${place}`], foundedYear: rng.int(1850, 2020) };
    if (kind) facts.kind = kind;
    if (rng.chance(0.5)) facts.website = `https://${key}.example.org/`;
    addNode('Organization', key, facts);
    link('HEADQUARTERED_IN', uid('Organization', i), uid('Country', country), { city: `${word(2)} City` });
    if (i > 0 && rng.chance(0.25)) {
      const startYear = rng.int(1950, 2020);
      link('PART_OF', uid('Organization', i), uid('Organization', rng.skewed(i, 2)), { startYear, startDate: date(startYear) });
    }
    if (kind === 'INTERGOVERNMENTAL_ORGANIZATION' || kind === 'REGIONAL_ORGANIZATION') {
      const memberCount = 2 + rng.skewed(40, 2);
      for (const member of rng.distinct(memberCount, counts.Country, () => rng.int(0, counts.Country - 1))) {
        link('MEMBER_OF', uid('Country', member), uid('Organization', i), { asOf: `${rng.int(2000, 2024)}` });
      }
    }
  }
  const hubOrganization = () => rng.skewed(orgCount, 3);

  for (let i = 0; i < counts.Event; i += 1) {
    const [kind, kindName] = rng.weighted(EVENT_KINDS);
    const y = year(1980, 2025);
    const topic = rng.pick(TOPICS);
    const edition = rng.int(1, 60);
    addNode('Event', syntheticKey('Event', i), {
      name: `${topic} ${kindName} ${y} No ${i}`,
      kind,
      year: y,
      edition,
      startDate: date(y),
    });
    const organizers = rng.distinct(rng.weighted([[1, 6], [2, 3], [3, 1]] as const), orgCount, hubOrganization);
    organizers.forEach((organizer, index) =>
      link('ORGANIZED', uid('Organization', organizer), uid('Event', i), { role: index === 0 ? 'ORGANIZER' : rng.chance(0.3) ? 'HOST' : 'CO_ORGANIZER' }),
    );
    link('HELD_IN', uid('Event', i), uid('Country', rng.skewed(counts.Country, 2)), { city: `${word(2)} City` });
    if (rng.chance(0.3)) link('IN_SERIES_OF', uid('Event', i), uid('Organization', rng.skewed(Math.max(1, Math.floor(orgCount / 20)), 2)));
    // Every tenth event concerns a theme; chosen without the generator, so the rest of the graph stays as it was.
    if (i % 10 === 0 && counts.Theme > 0) link('CONCERNS', uid('Event', i), uid('Theme', (i / 10) % counts.Theme));
  }

  for (let i = 0; i < counts.Project; i += 1) {
    const themes = rng.distinct(rng.int(1, 3), counts.Theme, () => rng.skewed(counts.Theme, 2));
    const startYear = year(1995, 2025);
    const status = rng.pick(PROJECT_STATUSES);
    addNode('Project', syntheticKey('Project', i), {
      name: `${TOPICS[themes[0] % TOPICS.length]} Cooperation Project ${i}`,
      description: 'A synthetic cooperation project.',
      level: rng.chance(0.1) ? 'PROGRAMME' : 'PROJECT',
      status,
      collaborationTypes: [rng.chance(0.6) ? 'BILATERAL' : 'MULTILATERAL'],
      plannedStart: date(startYear),
      plannedEnd: date(startYear + rng.int(1, 6)),
    });
    for (const theme of themes) link('HAS_THEME', uid('Project', i), uid('Theme', theme));
    for (const participant of rng.distinct(rng.int(1, 5), orgCount, hubOrganization)) {
      link('PARTICIPATES_IN', uid('Organization', participant), uid('Project', i), { role: rng.pick(PARTICIPATION_ROLES) });
    }
    // Distinct targets: the model has no parallel relationships.
    const targets = new Set<string>();
    for (let t = rng.int(1, 3); t > 0; t -= 1) {
      const target = rng.chance(0.7) ? uid('Country', rng.skewed(counts.Country, 2)) : uid('Region', leafRegion());
      const mapping = rng.weighted(MAPPINGS);
      if (targets.has(target)) continue;
      targets.add(target);
      link('TARGETS', uid('Project', i), target, { mapping });
    }
  }

  for (let i = 0; i < counts.Agreement; i += 1) {
    const signed = year(1990, 2025);
    addNode('Agreement', syntheticKey('Agreement', i), {
      name: `Cooperation Agreement ${i}`,
      kind: rng.chance(0.6) ? 'MOU' : 'PROJECT_AGREEMENT',
      signedOn: date(signed),
    });
    for (const party of rng.distinct(rng.int(2, 3), orgCount, hubOrganization)) {
      link('PARTY_TO', uid('Organization', party), uid('Agreement', i), { role: 'SIGNATORY' });
    }
  }

  for (let i = 0; i < counts.Position; i += 1) {
    addNode('Position', syntheticKey('Position', i), { name: `Post ${i}`, title: rng.pick(['Director', 'Vice-chair', 'Secretary', 'Councillor', 'Coordinator']), description: 'A synthetic post.' });
    link('POSITION_IN', uid('Position', i), uid('Organization', rng.skewed(orgCount, 2)));
    if (rng.chance(0.4)) link('HELD_BY_STAFF_OF', uid('Position', i), uid('Organization', hubOrganization()), { holderNamed: false });
  }

  const takenPersonNames = new Set<string>();
  for (let i = 0; i < counts.Person; i += 1) {
    addNode('Person', syntheticKey('Person', i), { name: uniqueName(takenPersonNames, () => `${word(2)} ${word(3)}`) });
    link('AFFILIATED_WITH', uid('Person', i), uid('Organization', rng.skewed(orgCount, 2)));
    if (counts.Position > 0 && rng.chance(0.5)) {
      const startYear = rng.int(1990, 2024);
      link('HOLDS', uid('Person', i), uid('Position', rng.int(0, counts.Position - 1)), { startDate: date(startYear) });
    }
  }

  for (let i = 0; i < counts.TrainingProgram; i += 1) {
    addNode('TrainingProgram', syntheticKey('TrainingProgram', i), {
      name: `${rng.pick(TOPICS)} Training Programme ${i}`,
      description: 'A synthetic training programme.',
      traineeCountMin: rng.int(10, 500),
      traineeCountQualifier: 'MORE_THAN',
      countryCount: rng.int(1, 60),
    });
    link('PROVIDES', uid('Organization', hubOrganization()), uid('TrainingProgram', i));
    for (const region of rng.distinct(rng.int(1, 3), regionCount, leafRegion)) {
      link('TRAINEES_FROM', uid('TrainingProgram', i), uid('Region', region), { mapping: rng.weighted(MAPPINGS) });
    }
  }

  const claimSubjects = ['Organization', 'Country', 'Project', 'TrainingProgram'] as const;
  for (let i = 0; i < counts.Claim; i += 1) {
    const value = rng.int(2, 500);
    const unit = rng.pick(['COUNTRIES', 'PEOPLE', 'ORGANIZATIONS']);
    const [qualifier, qualifierWords] = rng.pick(QUALIFIERS);
    addNode('Claim', syntheticKey('Claim', i), {
      name: `Claim ${i}`,
      statement: `Synthetic statement: ${qualifierWords} ${value} ${unit.toLowerCase()}.`,
      metric: rng.pick(['agreements', 'trainees', 'partner countries']),
      value,
      unit,
      qualifier,
    });
    const subjectLabel = rng.pick(claimSubjects);
    const subjectCount = counts[subjectLabel];
    if (subjectCount > 0) link('ABOUT', uid('Claim', i), uid(subjectLabel, rng.skewed(subjectCount, 2)));
    for (const region of rng.distinct(rng.int(1, 2), regionCount, leafRegion)) {
      link('SCOPED_TO', uid('Claim', i), uid('Region', region), { mapping: rng.weighted(MAPPINGS) });
    }
  }

  let nodeCount = 0;
  for (const group of nodes.values()) nodeCount += group.length;
  let relationshipCount = 0;
  for (const group of relationships.values()) relationshipCount += group.length;
  return { seed: options.seed, nodes, relationships, nodeCount, relationshipCount };
}

/**
 * A checksum of a graph's structure: every node uid and every (type, from, to) triple, sorted. The plan and a
 * database read back compute it the same way, so a test can tell that what was written is what was planned.
 */
export function structureChecksum(nodeUids: Iterable<string>, relationships: Iterable<readonly [string, string, string]>): string {
  const lines: string[] = [];
  for (const nodeUid of nodeUids) lines.push(`N|${nodeUid}`);
  for (const [type, from, to] of relationships) lines.push(`R|${type}|${from}|${to}`);
  lines.sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return hash.digest('hex');
}

export function planChecksum(plan: SyntheticPlan): string {
  const uids: string[] = [];
  for (const group of plan.nodes.values()) for (const node of group) uids.push(node.uid);
  const triples: Array<[string, string, string]> = [];
  for (const [type, group] of plan.relationships) for (const rel of group) triples.push([type, rel.from, rel.to]);
  return structureChecksum(uids, triples);
}

/** Node counts per label and relationship counts per type, e.g. to compare with the database. */
export function planCounts(plan: SyntheticPlan): { labels: Record<string, number>; types: Record<string, number> } {
  const labels: Record<string, number> = {};
  for (const [label, group] of plan.nodes) labels[label] = group.length;
  const types: Record<string, number> = {};
  for (const [type, group] of plan.relationships) types[type] = group.length;
  return { labels, types };
}
