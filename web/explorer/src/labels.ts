import type { GraphNode } from './types';

/** Canvas labels longer than this are shortened; the full name stays on hover, focus and in the node list. */
export const MAX_SHORT_LABEL = 28;

/** "CGS — China Geological Survey" → "CGS": the API's organization labels lead with the acronym. */
function acronymOf(label: string): string | null {
  const match = /^(\S{2,12}) — /.exec(label);
  return match ? match[1] : null;
}

function withoutYear(label: string, year: number | null | undefined): string {
  if (!year) return label;
  return label.replace(new RegExp(`\\s*(\\(|in\\s+)?${year}\\)?\\s*$`), '').trim() || label;
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—-]+$/, '')}…`;
}

function commonPrefixWords(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n].toLowerCase() === b[n].toLowerCase()) n += 1;
  return n;
}

function commonSuffixWords(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n].toLowerCase() === b[b.length - 1 - n].toLowerCase()) n += 1;
  return n;
}

/**
 * What tells a long label apart from its siblings of the same kind: the words left once the longest word prefix
 * and suffix it shares with any sibling are dropped ("Important position in CCOP held by a CGS scientist" next to
 * "Important position in IUGS held by…" → "…CCOP…"). Null when nothing is shared.
 */
function distinguishingPart(label: string, siblings: string[]): string | null {
  const words = label.split(/\s+/);
  let prefix = 0;
  let suffix = 0;
  for (const sibling of siblings) {
    const other = sibling.split(/\s+/);
    prefix = Math.max(prefix, commonPrefixWords(words, other));
    suffix = Math.max(suffix, commonSuffixWords(words, other));
  }
  if (prefix === 0 && suffix === 0) return null;
  // Keep at least one word; a shared prefix that swallows everything leaves the last word.
  const start = Math.min(prefix, words.length - 1);
  const end = Math.max(start + 1, words.length - suffix);
  const middle = words
    .slice(start, end)
    .join(' ')
    .replace(/^(the|a|an) /i, '');
  const shown = cutAtWord(middle, MAX_SHORT_LABEL - 2);
  return `${start > 0 ? '…' : ''}${shown}${end < words.length && !shown.endsWith('…') ? '…' : ''}`;
}

/**
 * Short canvas labels for a set of drawn nodes: distinct from one another, an organization's acronym, an event's
 * year. Returns a map from node ID to its short label.
 */
export function shortLabels(nodes: readonly GraphNode[]): Map<string, string> {
  const byKind = new Map<string, GraphNode[]>();
  for (const node of nodes) byKind.set(node.kind, [...(byKind.get(node.kind) ?? []), node]);

  const result = new Map<string, string>();
  for (const node of nodes) {
    const year = node.kind === 'EVENT' ? node.year : null;
    const base = withoutYear(node.label, year);
    let short = acronymOf(base);
    if (!short && base.length > MAX_SHORT_LABEL) {
      const siblings = (byKind.get(node.kind) ?? []).filter((other) => other.id !== node.id).map((other) => withoutYear(other.label, other.year));
      short = distinguishingPart(base, siblings) ?? cutAtWord(base, MAX_SHORT_LABEL);
    }
    short = short ?? base;
    result.set(node.id, year ? `${short} (${year})` : short);
  }

  // Whatever still reads the same gets a number, in the order the nodes came.
  const seen = new Map<string, number>();
  for (const node of nodes) {
    const label = result.get(node.id)!;
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    if (count > 1) result.set(node.id, `${label} (${count})`);
  }
  return result;
}

/** The full text a node's tooltip and list entry show: its label, and the year for an event that lacks it. */
export function fullLabel(node: GraphNode): string {
  return node.kind === 'EVENT' && node.year && !node.label.includes(String(node.year)) ? `${node.label} (${node.year})` : node.label;
}
