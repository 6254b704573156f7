import fs from 'node:fs';
import path from 'node:path';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../src/graph/vocabulary';

/** The seed's integrity, read straight from the reviewed JSON files in seed/. */

interface Provenance {
  source: string;
  quote?: string;
  confidence: string;
  note?: string;
  rawLabel?: string;
}
type Scalar = string | number | boolean;
type Prop = Scalar | Scalar[];
interface SeedNode {
  label: string;
  key: string;
  props: Record<string, Prop>;
  provenance: Provenance[];
}
interface SeedRel {
  type: string;
  from: string;
  to: string;
  props?: Record<string, Prop>;
  provenance: Provenance[];
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SEED_DIR = path.join(REPO_ROOT, 'seed');
const SOURCE_TEXT_PATH = path.resolve(REPO_ROOT, '..', 'shared', 'source', 'cgs-international-exchange-and-cooperation.txt');

const files = fs.readdirSync(SEED_DIR).filter((name) => name.endsWith('.json')).sort();
const nodes: SeedNode[] = [];
const rels: SeedRel[] = [];
for (const file of files) {
  const parsed = JSON.parse(fs.readFileSync(path.join(SEED_DIR, file), 'utf8')) as { nodes?: SeedNode[]; relationships?: SeedRel[] };
  nodes.push(...(parsed.nodes ?? []));
  rels.push(...(parsed.relationships ?? []));
}

const uid = (node: SeedNode): string => `${node.label}:${node.key}`;
const byUid = new Map(nodes.map((node) => [uid(node), node]));
const ofLabel = (label: string): SeedNode[] => nodes.filter((node) => node.label === label);
const relsFrom = (from: string, type: string): SeedRel[] => rels.filter((rel) => rel.from === from && rel.type === type);
const sourceKeys = new Set(ofLabel('Source').map((node) => node.key));

describe('seed data integrity', () => {
  it('has the four seed files, each with nodes and relationships arrays', () => {
    expect(files).toEqual(['cooperation.json', 'geography.json', 'organizations.json', 'sources.json']);
    for (const file of files) {
      const parsed = JSON.parse(fs.readFileSync(path.join(SEED_DIR, file), 'utf8')) as Record<string, unknown>;
      expect(Array.isArray(parsed.nodes)).toBe(true);
      expect(Array.isArray(parsed.relationships)).toBe(true);
    }
  });

  it('uses only node labels from the allow-list in src/graph/vocabulary.ts', () => {
    const unknown = nodes.filter((node) => !(NODE_LABELS as readonly string[]).includes(node.label)).map(uid);
    expect(unknown).toEqual([]);
  });

  it('uses only relationship types from the allow-list in src/graph/vocabulary.ts', () => {
    const unknown = rels.filter((rel) => !(RELATIONSHIP_TYPES as readonly string[]).includes(rel.type)).map((rel) => rel.type);
    expect(unknown).toEqual([]);
  });

  it('gives every node a key that is unique within its label', () => {
    const seen = new Set<string>();
    const duplicates: string[] = [];
    for (const node of nodes) {
      if (seen.has(uid(node))) duplicates.push(uid(node));
      seen.add(uid(node));
    }
    expect(duplicates).toEqual([]);
  });

  it('writes keys as lower-case slugs, ISO alpha-2 codes for countries and zero-padded M49 codes for regions', () => {
    const bad = nodes.filter((node) => {
      if (node.label === 'Country') return !/^[A-Z]{2}$/.test(node.key);
      if (node.label === 'Region') return !/^\d{3}$/.test(node.key);
      return !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(node.key);
    });
    expect(bad.map(uid)).toEqual([]);
  });

  it('connects every relationship to two nodes that exist in the seed', () => {
    const dangling = rels.filter((rel) => !byUid.has(rel.from) || !byUid.has(rel.to)).map((rel) => `${rel.type} ${rel.from} -> ${rel.to}`);
    expect(dangling).toEqual([]);
  });

  it('gives every node and relationship at least one provenance entry whose source is a seeded Source', () => {
    const lacking = [
      ...nodes.filter((node) => !node.provenance?.some((entry) => sourceKeys.has(entry.source))).map(uid),
      ...rels.filter((rel) => !rel.provenance?.some((entry) => sourceKeys.has(entry.source))).map((rel) => `${rel.type} ${rel.from} -> ${rel.to}`),
    ];
    expect(lacking).toEqual([]);
  });

  it('points every provenance entry at a seeded Source with a valid confidence', () => {
    const entries = [...nodes.flatMap((node) => node.provenance), ...rels.flatMap((rel) => rel.provenance)];
    expect(entries.filter((entry) => !sourceKeys.has(entry.source))).toEqual([]);
    expect(entries.filter((entry) => !['HIGH', 'MEDIUM', 'LOW'].includes(entry.confidence))).toEqual([]);
  });

  it('stores only Neo4j property types: no nulls, no nested objects, no mixed-type lists', () => {
    const bad: string[] = [];
    const check = (owner: string, props: Record<string, unknown>): void => {
      for (const [name, value] of Object.entries(props)) {
        const scalar = (v: unknown): boolean => ['string', 'number', 'boolean'].includes(typeof v);
        if (Array.isArray(value)) {
          if (!value.every(scalar) || new Set(value.map((v) => typeof v)).size > 1) bad.push(`${owner}.${name}`);
        } else if (!scalar(value)) {
          bad.push(`${owner}.${name}`);
        }
      }
    };
    for (const node of nodes) check(uid(node), node.props);
    for (const rel of rels) check(`${rel.type} ${rel.from}->${rel.to}`, rel.props ?? {});
    expect(bad).toEqual([]);
  });

  it('gives every node a name, and every claim a statement too', () => {
    expect(nodes.filter((node) => typeof node.props.name !== 'string' || node.props.name.trim() === '').map(uid)).toEqual([]);
    expect(ofLabel('Claim').filter((node) => typeof node.props.statement !== 'string').map(uid)).toEqual([]);
  });

  it('writes every date as an ISO YYYY-MM-DD string', () => {
    const dateProps = ['publishedOn', 'retrievedOn', 'startDate', 'endDate', 'signedOn', 'plannedStart', 'actualStart', 'plannedEnd', 'actualEnd'];
    const bad: string[] = [];
    for (const owner of [...nodes.map((n) => ({ id: uid(n), props: n.props })), ...rels.map((r) => ({ id: `${r.type} ${r.from}`, props: r.props ?? {} }))]) {
      for (const name of dateProps) {
        const value = owner.props[name];
        if (value !== undefined && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))) {
          bad.push(`${owner.id}.${name}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('seed content follows the source', () => {
  it('seeds the CGS page as the primary source', () => {
    const primary = byUid.get('Source:cgs-intl-exchange');
    expect(primary?.props.kind).toBe('PRIMARY_SOURCE');
    expect(primary?.props.title).toBe('International Exchange and Cooperation');
    expect(primary?.props.publisher).toBe('China Geological Survey');
  });

  it('turns the eight project themes and six focus areas into 13 distinct themes, with mineral resources assessment in both lists', () => {
    const themes = ofLabel('Theme');
    const projectThemes = themes.filter((t) => (t.props.lists as string[]).includes('PROJECT_THEME'));
    const focusAreas = themes.filter((t) => (t.props.lists as string[]).includes('FOCUS_AREA'));
    expect(projectThemes).toHaveLength(8);
    expect(focusAreas).toHaveLength(6);
    expect(new Set(themes.map((t) => t.key)).size).toBe(13);
    expect(themes).toHaveLength(13);
    expect(byUid.get('Theme:mineral-resources-assessment')?.props.lists).toEqual(['PROJECT_THEME', 'FOCUS_AREA']);
    expect(projectThemes.filter((t) => focusAreas.includes(t)).map((t) => t.key)).toEqual(['mineral-resources-assessment']);
  });

  it('links the two thematic programmes to their 8 and 6 themes, and the opening sentence’s programme to none', () => {
    const programmes = ofLabel('Project').filter((p) => p.props.level === 'PROGRAMME' && relsFrom(uid(p), 'HAS_THEME').length > 0);
    expect(programmes).toHaveLength(2);
    expect(relsFrom('Project:programme-international-exchange-and-cooperation', 'HAS_THEME')).toEqual([]);
    const counts = programmes.map((p) => relsFrom(uid(p), 'HAS_THEME').length).sort((a, b) => a - b);
    expect(counts).toEqual([6, 8]);
  });

  it('never reads "America" as the USA: the US is seeded only as the IUGS secretariat\'s seat until 2012, and "America" is linked to 019 and 021 as AMBIGUOUS', () => {
    const usa = nodes.filter(
      (node) =>
        (node.label === 'Country' && (node.key === 'US' || node.props.alpha3 === 'USA' || node.props.numeric === '840')) ||
        /^(the )?(united states( of america)?|usa|u\.s\.a?\.?)$/i.test(String(node.props.name)),
    );
    expect(usa.map(uid)).toEqual(['Country:US']);
    expect(usa[0].provenance.filter((entry) => entry.rawLabel === 'America' || entry.quote?.includes('America,'))).toEqual([]);
    expect(rels.filter((rel) => rel.to === 'Country:US').map((rel) => `${rel.type} ${rel.from} ${rel.props?.validTo}`)).toEqual(['HEADQUARTERED_IN Organization:iugs 2012-01-01']);
    const america = rels.filter((rel) => rel.props?.sourceLabel === 'America');
    expect(america.map((rel) => rel.to).sort()).toEqual(['Region:019', 'Region:021']);
    expect(america.every((rel) => rel.props?.mapping === 'AMBIGUOUS')).toBe(true);
    const labelled = nodes.filter((node) => Array.isArray(node.props.sourceLabels) && (node.props.sourceLabels as string[]).includes('America'));
    expect(labelled.map(uid).sort()).toEqual(['Region:019', 'Region:021']);
  });

  it('maps "Lain America" to region 419 with mapping CLOSEST', () => {
    const lain = rels.filter((rel) => rel.props?.sourceLabel === 'Lain America');
    expect(lain.length).toBeGreaterThan(0);
    expect(lain.every((rel) => rel.to === 'Region:419' && rel.props?.mapping === 'CLOSEST')).toBe(true);
  });

  it('keeps region 419 inside the Americas (019), not beside it', () => {
    expect(rels.some((rel) => rel.type === 'PART_OF_REGION' && rel.from === 'Region:419' && rel.to === 'Region:019')).toBe(true);
  });

  it('stores the 300 trainees as MORE_THAN 300, never as an exact count', () => {
    const claims = ofLabel('Claim').filter((c) => c.props.value === 300 && c.props.unit === 'PEOPLE');
    expect(claims).toHaveLength(1);
    expect(claims[0].props.qualifier).toBe('MORE_THAN');
    const programmes = ofLabel('TrainingProgram');
    expect(programmes).toHaveLength(1);
    expect(programmes[0].props.traineeCountMin).toBe(300);
    expect(programmes[0].props.traineeCountQualifier).toBe('MORE_THAN');
  });

  it('has the six events with the years the source gives (2009, 2009, 2008, 2006, 2006, 2005), all held in China', () => {
    const events = ofLabel('Event');
    expect(events.map((e) => e.props.year).sort((a, b) => Number(b) - Number(a))).toEqual([2009, 2009, 2008, 2006, 2006, 2005]);
    for (const event of events) {
      expect(relsFrom(uid(event), 'HELD_IN').map((rel) => rel.to)).toEqual(['Country:CN']);
      expect(rels.some((rel) => rel.type === 'ORGANIZED' && rel.from === 'Organization:cgs' && rel.to === uid(event))).toBe(true);
    }
  });

  it('seeds no Person nodes (the source names no one)', () => {
    expect(ofLabel('Person')).toEqual([]);
  });

  it('leaves the holder of every position unnamed', () => {
    const positions = ofLabel('Position');
    expect(positions.length).toBeGreaterThan(0);
    for (const position of positions) {
      expect(position.props.title).toBeUndefined();
      const heldBy = relsFrom(uid(position), 'HELD_BY_STAFF_OF');
      expect(heldBy.map((rel) => [rel.to, rel.props?.holderNamed])).toEqual([['Organization:cgs', false]]);
    }
  });

  it('quotes the primary source verbatim wherever it cites it', () => {
    if (!fs.existsSync(SOURCE_TEXT_PATH)) {
      throw new Error(`The source text is missing at ${SOURCE_TEXT_PATH}: clone the repository beside the project's shared/ folder.`);
    }
    const text = fs.readFileSync(SOURCE_TEXT_PATH, 'utf8');
    const entries = [...nodes.flatMap((node) => node.provenance), ...rels.flatMap((rel) => rel.provenance)];
    const notVerbatim = entries.filter((entry) => entry.source === 'cgs-intl-exchange' && entry.quote !== undefined && !text.includes(entry.quote));
    expect(notVerbatim.map((entry) => entry.quote)).toEqual([]);
  });
});
