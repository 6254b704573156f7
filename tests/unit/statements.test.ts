import fs from 'node:fs';
import path from 'node:path';
import { readSeedData, type SeedNode, type SeedRelationship } from '../../src/seed/seedData';

/**
 * The source's statements, listed with their exact words in seed/statements/, are each held as data in the
 * seed: a node property or a relationship (with a qualifier where the statement names one).
 */
interface Holder {
  node?: string;
  relationship?: string;
  from?: string;
  to?: string;
  property?: string;
  equals?: string | number;
  includes?: string;
  contains?: string;
}
interface Statement {
  id: string;
  quote: string;
  heldAs: Holder[];
  note?: string;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SOURCE_TEXT = fs.readFileSync(path.resolve(REPO_ROOT, '..', 'shared', 'source', 'cgs-international-exchange-and-cooperation.txt'), 'utf8');
const LIST = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'seed', 'statements', 'cgs-intl-exchange.json'), 'utf8')) as { source: string; statements: Statement[] };
const seed = readSeedData(REPO_ROOT);
const nodeByUid = new Map<string, SeedNode>(seed.nodes.map((node) => [`${node.label}:${node.key}`, node]));

function holderOf(holder: Holder): SeedNode | SeedRelationship | undefined {
  if (holder.node) return nodeByUid.get(holder.node);
  return seed.relationships.find((rel) => rel.type === holder.relationship && rel.from === holder.from && rel.to === holder.to);
}

/** Why the holder does not hold the statement, or null when it does. */
function problem(holder: Holder): string | null {
  const found = holderOf(holder);
  if (!found) return `no ${holder.node ?? `${holder.relationship} ${holder.from} → ${holder.to}`} in the seed`;
  if (!found.provenance.some((entry) => entry.source === LIST.source)) return 'no provenance from the source';
  if (!holder.property) return null;
  const value = (found.props ?? {})[holder.property];
  if (holder.equals !== undefined && value !== holder.equals) return `${holder.property} is ${JSON.stringify(value)}, not ${JSON.stringify(holder.equals)}`;
  if (holder.includes !== undefined && !(Array.isArray(value) && (value as unknown[]).includes(holder.includes))) return `${holder.property} lacks ${holder.includes}`;
  if (holder.contains !== undefined && !(typeof value === 'string' && value.includes(holder.contains))) return `${holder.property} does not contain the words`;
  if (value === undefined) return `${holder.property} is not stored`;
  return null;
}

describe('the source’s statements as data', () => {
  it('lists the statements of every paragraph of the source, each with a unique id', () => {
    expect(LIST.statements.length).toBeGreaterThanOrEqual(40);
    expect(new Set(LIST.statements.map((statement) => statement.id)).size).toBe(LIST.statements.length);
  });

  it('quotes each statement verbatim from the source', () => {
    expect(LIST.statements.filter((statement) => !SOURCE_TEXT.includes(statement.quote)).map((statement) => statement.id)).toEqual([]);
  });

  it('holds every statement as data: 100% of them, each holder in the seed with the source in its provenance', () => {
    const unheld = LIST.statements.flatMap((statement) =>
      statement.heldAs.length === 0 ? [`${statement.id}: no holder`] : statement.heldAs.flatMap((holder) => (problem(holder) ? [`${statement.id}: ${problem(holder)}`] : [])),
    );
    expect(unheld).toEqual([]);
  });

  it('holds every list the source leaves open ("such as", "and so on") as a PARTIAL claim about the list, with those words', () => {
    const openSentences = SOURCE_TEXT.split(/\n+|(?<=\.) +/).filter((sentence) => /such as|and so on/.test(sentence)).map((sentence) => sentence.trim());
    expect(openSentences.length).toBeGreaterThan(0);
    const partial = seed.nodes.filter((node) => node.label === 'Claim' && node.props.completeness === 'PARTIAL');
    for (const sentence of openSentences) {
      const claim = partial.find((candidate) => String(candidate.props.statement).includes(sentence));
      expect(claim?.key ?? `no PARTIAL claim holds: ${sentence}`).toMatch(/^claim-/);
      for (const words of claim!.props.completenessWords as string[]) expect(sentence).toContain(words);
    }
  });

  it('names each open list by relationships its entity has, at least as many as the claim counts', () => {
    const lists = seed.nodes.filter((node) => node.label === 'Claim' && node.props.completeness !== undefined);
    expect(lists.length).toBeGreaterThan(0);
    for (const claim of lists) {
      const subjects = seed.relationships.filter((rel) => rel.type === 'ABOUT' && rel.from === `Claim:${claim.key}`).map((rel) => rel.to);
      expect(subjects).toHaveLength(1);
      const outgoing = claim.props.listDirection === 'OUTGOING';
      const items = seed.relationships.filter((rel) => rel.type === claim.props.listRelationshipType && (outgoing ? rel.from : rel.to) === subjects[0]);
      expect(items.length).toBeGreaterThanOrEqual(Number(claim.props.value));
    }
  });

  it('says why a statement kept as text is text', () => {
    // Held only inside prose (a claim's statement, a description), not in a field of its own.
    const textOnly = LIST.statements.filter((statement) => statement.heldAs.every((holder) => holder.property === 'statement' || holder.property === 'description'));
    expect(textOnly.length).toBeGreaterThan(0);
    expect(textOnly.filter((statement) => !statement.note?.startsWith('Deliberately text')).map((statement) => statement.id)).toEqual([]);
  });
});
