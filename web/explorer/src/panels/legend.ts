import { h } from '../dom';
import { KINDS } from '../kinds';
import type { EntityKind } from '../types';

/** The kind legend: one toggle per kind with its count in the model; hidden kinds are struck through. */
export function renderLegend(
  container: HTMLElement,
  counts: ReadonlyMap<string, number>,
  hiddenKinds: ReadonlySet<EntityKind>,
  onToggle: (kind: EntityKind) => void,
): void {
  container.replaceChildren(
    h('h2', { className: 'visually-hidden' }, 'Legend: show or hide kinds'),
    h(
      'ul',
      null,
      KINDS.map(({ kind, name }) => {
        const count = counts.get(kind) ?? 0;
        const hidden = hiddenKinds.has(kind);
        return h(
          'li',
          { className: [count ? '' : 'absent', hidden ? 'hidden-kind' : ''].join(' ').trim() || null, dataset: { kind } },
          h(
            'button',
            {
              type: 'button',
              title: hidden ? `Show ${name.toLowerCase()} nodes` : `Hide ${name.toLowerCase()} nodes`,
              'aria-pressed': String(!hidden),
              onclick: () => onToggle(kind),
            },
            swatchFor(kind),
            name,
            count ? [h('span', { className: 'count' }, String(count)), h('span', { className: 'visually-hidden' }, ' in the graph')] : null,
          ),
        );
      }),
    ),
  );
}

export function swatchFor(kind: string): HTMLElement {
  const colour = KINDS.find((entry) => entry.kind === kind)?.colour ?? '#adb5bd';
  return h('span', { className: 'swatch', style: `background:${colour}`, 'aria-hidden': 'true' });
}
