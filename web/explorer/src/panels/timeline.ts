import { h } from '../dom';
import type { ExplorerModel } from '../graphModel';
import { kindColour, kindName } from '../kinds';
import { swatchFor } from './legend';
import { timelineItems, withinYears, type TimelineItem, type YearRange } from '../timeline';

/**
 * The timeline view: the dated facts of the current graph on a year axis (an SVG drawn here — a year axis and
 * dots are a few lines, where timeline libraries bring their own date stack and styles), with "from"/"to" year
 * filters, and the same items as a list of buttons that select their entity (the accessible form of the chart).
 */

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 800;
const PAD = 40;
const ROW = 14;

/** The filter the user chose; kept while the graph changes under it. */
const range: YearRange = { from: null, to: null };

export interface TimelineActions {
  select(entityId: string): void;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, ...children: Array<Node | string>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

function describe(item: TimelineItem): string {
  return `${item.date ?? item.year} · ${item.what}: ${item.label}`;
}

/** Ticks at a round step, at most about ten of them. */
function ticks(min: number, max: number): number[] {
  const span = Math.max(1, max - min);
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((candidate) => span / candidate <= 10) ?? 200;
  const result: number[] = [];
  for (let year = Math.ceil(min / step) * step; year <= max; year += step) result.push(year);
  return result;
}

function chart(items: readonly TimelineItem[]): SVGSVGElement {
  const min = Math.min(...items.map((item) => item.year));
  const max = Math.max(...items.map((item) => item.year));
  const x = (year: number) => (max === min ? WIDTH / 2 : PAD + ((year - min) / (max - min)) * (WIDTH - 2 * PAD));
  const stacks = new Map<number, number>();
  for (const item of items) stacks.set(item.year, (stacks.get(item.year) ?? 0) + 1);
  const tallest = Math.max(...stacks.values());
  const axisY = 20 + tallest * ROW;
  const height = axisY + 30;
  const drawing = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`,
    class: 'timeline-chart',
    role: 'img',
    'aria-label': `Timeline from ${min} to ${max}: ${items.length} dated facts (listed below)`,
  });
  drawing.append(svg('line', { x1: PAD / 2, x2: WIDTH - PAD / 2, y1: axisY, y2: axisY, class: 'axis' }));
  for (const year of ticks(min, max)) {
    drawing.append(
      svg('line', { x1: x(year), x2: x(year), y1: axisY, y2: axisY + 5, class: 'axis' }),
      svg('text', { x: x(year), y: axisY + 18, 'text-anchor': 'middle', class: 'tick' }, String(year)),
    );
  }
  const placed = new Map<number, number>();
  for (const item of items) {
    const level = placed.get(item.year) ?? 0;
    placed.set(item.year, level + 1);
    drawing.append(
      svg(
        'circle',
        { cx: x(item.year), cy: axisY - 10 - level * ROW, r: 5, fill: kindColour(item.kind), 'data-year': item.year, class: item.relationshipId ? 'dot relationship' : 'dot' },
        svg('title', {}, describe(item)),
      ),
    );
  }
  return drawing;
}

function yearSelect(id: string, label: string, years: number[], value: number | null, onChange: (year: number | null) => void): HTMLElement[] {
  const select = h(
    'select',
    { id, onchange: (event: Event) => onChange((event.target as HTMLSelectElement).value ? Number((event.target as HTMLSelectElement).value) : null) },
    h('option', { value: '' }, 'any year'),
    years.map((year) => h('option', { value: String(year), selected: year === value }, String(year))),
  );
  return [h('label', { for: id }, label), select];
}

export function renderTimelineView(container: HTMLElement, model: ExplorerModel, actions: TimelineActions): void {
  const all = timelineItems(model);
  const years = [...new Set(all.map((item) => item.year))];
  const shown = withinYears(all, range);
  const rerender = () => renderTimelineView(container, model, actions);
  const filters = h(
    'div',
    { className: 'entity-actions timeline-filters', role: 'group', 'aria-label': 'Year filter' },
    yearSelect('timeline-from', 'From', years, range.from, (year) => {
      range.from = year;
      rerender();
      document.getElementById('timeline-from')?.focus();
    }),
    yearSelect('timeline-to', 'to', years, range.to, (year) => {
      range.to = year;
      rerender();
      document.getElementById('timeline-to')?.focus();
    }),
    h('span', { id: 'timeline-count', className: 'muted', 'aria-live': 'polite' }, `${shown.length} of ${all.length} dated facts shown`),
  );
  const byYear = new Map<number, TimelineItem[]>();
  for (const item of shown) byYear.set(item.year, [...(byYear.get(item.year) ?? []), item]);
  const list = h(
    'ol',
    { id: 'timeline-list', className: 'timeline-list', 'aria-label': 'Dated facts by year' },
    [...byYear].map(([year, items]) =>
      h(
        'li',
        { dataset: { year: String(year) } },
        h('h3', null, String(year)),
        h(
          'ul',
          null,
          items.map((item) =>
            h(
              'li',
              { className: 'timeline-item', dataset: { year: String(item.year), key: item.key, kind: item.kind } },
              swatchFor(item.kind),
              h(
                'button',
                { type: 'button', className: 'link', title: `Select ${kindName(item.kind)}`, onclick: () => actions.select(item.entityId) },
                `${item.what}: ${item.label}`,
              ),
              item.date ? h('span', { className: 'muted' }, ` ${item.date}`) : null,
            ),
          ),
        ),
      ),
    ),
  );
  container.replaceChildren(
    h('h2', null, 'Timeline of the current graph'),
    h('p', { className: 'muted' }, 'Events, founding years and relationships with a start or end date, among the entities drawn and hidden.'),
    filters,
    shown.length ? chart(shown) : h('p', { id: 'timeline-empty' }, all.length ? 'No dated fact in these years.' : 'Nothing in the current graph has a date.'),
    list,
  );
}
