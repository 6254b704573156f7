import { byId, h } from '../dom';
import type { Connection, SearchHit } from '../types';
import { createCombobox } from './combobox';
import { swatchFor } from './legend';

export interface PathFinder {
  /** Shows two chosen endpoints (e.g. restored from the URL) in the form. */
  setEndpoints(from: { id: string; label: string } | null, to: { id: string; label: string } | null): void;
}

/**
 * "How are two entities connected?": two autocompletes over every kind and a button; `onFind` gets both IDs.
 */
export function setUpPathFinder(onFind: (from: string, to: string) => void): PathFinder {
  const form = byId<HTMLFormElement>('path-form');
  const submit = byId<HTMLButtonElement>('path-submit');
  const chosen: { from: string | null; to: string | null } = { from: null, to: null };
  const refresh = () => {
    submit.disabled = !(chosen.from && chosen.to);
  };

  const endpoint = (end: 'from' | 'to') => {
    const input = byId<HTMLInputElement>(`path-${end}`);
    const combobox = createCombobox({
      input,
      list: byId<HTMLUListElement>(`path-${end}-results`),
      onPick: (hit: SearchHit) => {
        input.value = hit.label;
        chosen[end] = hit.id;
        input.dataset.id = hit.id;
        refresh();
        if (end === 'from') byId('path-to').focus();
        else submit.focus();
      },
    });
    // Typing again forgets the choice until a hit is picked.
    input.addEventListener('input', () => {
      chosen[end] = null;
      delete input.dataset.id;
      refresh();
    });
    return { input, combobox };
  };
  const ends = { from: endpoint('from'), to: endpoint('to') };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const focused = Object.values(ends).find((end) => end.input === document.activeElement);
    if (focused && !(chosen.from && chosen.to && focused.input.dataset.id)) return focused.combobox.submit();
    if (chosen.from && chosen.to) onFind(chosen.from, chosen.to);
  });

  return {
    setEndpoints(from, to) {
      for (const [end, value] of [['from', from], ['to', to]] as const) {
        chosen[end] = value?.id ?? null;
        ends[end].input.value = value?.label ?? '';
        if (value) ends[end].input.dataset.id = value.id;
      }
      refresh();
    },
  };
}

const STRENGTH_NAME = { ORGANIZATIONAL: 'Organization-level', THEMATIC: 'Thematic', GEOGRAPHIC: 'Geographic' } as const;

/** The found paths in the side panel, strongest first, each step with its relationship and qualifiers. */
export function renderConnection(panel: HTMLElement, connection: Connection, graphiqlHref: string, onSelectNode: (id: string) => void): void {
  panel.replaceChildren(
    h('h2', { className: 'entity-title' }, 'How they are connected'),
    h('p', { className: 'connection-summary' }, connection.summary),
    h('p', null, h('a', { className: 'button', href: graphiqlHref, target: '_blank', rel: 'noopener', id: 'path-graphiql' }, 'Open this query in GraphiQL')),
    connection.rankedPaths.length
      ? h(
          'ol',
          { className: 'paths' },
          connection.rankedPaths.map((ranked) =>
            h(
              'li',
              { className: 'path', dataset: { strength: ranked.strength } },
              h('p', { className: 'path-strength' }, h('strong', null, STRENGTH_NAME[ranked.strength]), ` — ${ranked.reason}`),
              h(
                'ol',
                { className: 'path-steps' },
                ranked.path.steps.map((step) =>
                  h(
                    'li',
                    null,
                    h('button', { type: 'button', className: 'link', onclick: () => onSelectNode(step.node.id) }, swatchFor(step.node.kind), step.node.label),
                    step.relationship
                      ? h(
                          'span',
                          { className: 'path-relationship' },
                          step.relationship.direction === 'OUTGOING' ? ` —${step.relationship.type}→` : ` ←${step.relationship.type}—`,
                          step.relationship.qualifiers.length
                            ? ` (${step.relationship.qualifiers.map((q) => `${q.name}: ${q.value}`).join(', ')})`
                            : '',
                        )
                      : null,
                  ),
                ),
              ),
            ),
          ),
        )
      : '',
  );
}
