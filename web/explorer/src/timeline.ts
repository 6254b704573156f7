import type { ExplorerModel } from './graphModel';
import { fullLabel } from './labels';
import type { EntityKind } from './types';

/**
 * What the timeline shows: every dated fact of the current graph — events (their year or dates), organizations'
 * founding years, and relationships carrying a date qualifier (start, end, since…) — one item per date.
 */

export interface TimelineItem {
  /** Stable within one graph: the entity or relationship ID and which of its dates. */
  key: string;
  year: number;
  /** The exact day when the source gives one (ISO), else null. */
  date: string | null;
  /** What happened, e.g. "Event", "Founded", "PART_OF ends". */
  what: string;
  label: string;
  /** The entity to select when the item is picked (for a relationship: its start). */
  entityId: string;
  kind: EntityKind;
  relationshipId: string | null;
}

/** Qualifiers that date a relationship, and what their date means. */
const DATE_QUALIFIERS: Record<string, string> = {
  startDate: 'starts',
  start: 'starts',
  since: 'starts',
  endDate: 'ends',
  end: 'ends',
  until: 'ends',
  date: 'dated',
  year: 'dated',
};

/** The year of `2006`, `2006-10-09` or `2006-10`; null for anything else (e.g. "Current member list"). */
export function yearOf(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const match = /^\s*(\d{4})(?:-\d{2}(?:-\d{2})?)?\s*$/.exec(String(value));
  return match ? Number(match[1]) : null;
}

function isoDay(value: string | null | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

export function timelineItems(model: ExplorerModel): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const node of model.nodes.values()) {
    const base = { entityId: node.id, kind: node.kind, label: fullLabel(node), relationshipId: null };
    if (node.kind === 'EVENT') {
      const start = isoDay(node.startDate);
      const year = node.year ?? yearOf(node.startDate);
      if (year !== null) items.push({ ...base, key: `${node.id}|event`, year, date: start, what: 'Event' });
    }
    if (node.foundedYear) items.push({ ...base, key: `${node.id}|founded`, year: node.foundedYear, date: null, what: 'Founded' });
  }
  for (const edge of model.edges.values()) {
    for (const qualifier of edge.qualifiers) {
      const meaning = DATE_QUALIFIERS[qualifier.name];
      const year = meaning ? yearOf(qualifier.value) : null;
      if (year === null) continue;
      const from = model.nodes.get(edge.source);
      const to = model.nodes.get(edge.target);
      items.push({
        key: `${edge.id}|${qualifier.name}`,
        year,
        date: isoDay(qualifier.value),
        what: `${edge.type} ${meaning}`,
        label: `${from ? fullLabel(from) : edge.source} → ${to ? fullLabel(to) : edge.target}`,
        entityId: edge.source,
        kind: from?.kind ?? 'CLAIM',
        relationshipId: edge.id,
      });
    }
  }
  return items.sort((a, b) => a.year - b.year || (a.date ?? '').localeCompare(b.date ?? '') || a.label.localeCompare(b.label));
}

export interface YearRange {
  from: number | null;
  to: number | null;
}

/** The items within the range (either end open when null). */
export function withinYears(items: readonly TimelineItem[], range: YearRange): TimelineItem[] {
  return items.filter((item) => (range.from === null || item.year >= range.from) && (range.to === null || item.year <= range.to));
}
