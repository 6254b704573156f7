import { searchEntities } from '../api';
import { byId, h } from '../dom';
import { isEntityKind, kindName, KINDS } from '../kinds';
import type { SearchHit } from '../types';
import { swatchFor } from './legend';

/** Fewer characters than this are not searched; the list says so instead of staying silent. */
export const MIN_QUERY_LENGTH = 2;

/**
 * The search box with its result list: a combobox (arrow keys move, Enter picks, Escape closes) that searches as
 * one types and tells when the query is too short or nothing matches.
 */
export function setUpSearch(onPick: (hit: SearchHit) => void): void {
  const form = byId<HTMLFormElement>('search-form');
  const input = byId<HTMLInputElement>('search-input');
  const kindSelect = byId<HTMLSelectElement>('search-kind');
  const list = byId<HTMLUListElement>('search-results');
  for (const { kind, name } of KINDS) kindSelect.append(h('option', { value: kind }, name));

  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hits: SearchHit[] = [];
  let hitsFor: string | null = null;
  let active = -1;

  const key = () => `${kindSelect.value}|${input.value.trim()}`;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const open = (...items: HTMLElement[]) => {
    list.replaceChildren(...items);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const highlight = (index: number) => {
    active = index;
    list.querySelectorAll('li[role="option"]').forEach((item, i) => {
      item.classList.toggle('active', i === index);
      item.setAttribute('aria-selected', String(i === index));
    });
    if (index >= 0) input.setAttribute('aria-activedescendant', `result-${index}`);
  };
  const pick = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    close();
    input.blur();
    onPick(hit);
  };

  const run = async () => {
    clearTimeout(timer);
    const text = input.value.trim();
    const current = ++sequence;
    if (text.length < MIN_QUERY_LENGTH) {
      hits = [];
      hitsFor = null;
      open(h('li', { className: 'muted', role: 'presentation' }, text ? `Type at least ${MIN_QUERY_LENGTH} characters to search.` : 'Type a name to search, e.g. CGS.'));
      return;
    }
    try {
      const kind = isEntityKind(kindSelect.value) ? kindSelect.value : null;
      const result = await searchEntities(text, kind);
      if (current !== sequence) return;
      hits = result.hits;
      hitsFor = key();
      active = hits.length ? 0 : -1;
      if (!hits.length) {
        open(h('li', { className: 'muted', role: 'presentation' }, `Nothing matches “${text}”.`));
        return;
      }
      open(
        ...hits.map((hit, index) =>
          h(
            'li',
            { role: 'option', id: `result-${index}`, 'aria-selected': String(index === active), className: index === active ? 'active' : null, dataset: { id: hit.id } },
            h(
              'button',
              { type: 'button', tabindex: '-1', onclick: () => pick(index), onmouseenter: () => highlight(index) },
              swatchFor(hit.kind),
              h('span', { className: 'result-label' }, hit.label),
              h('span', { className: 'result-kind' }, kindName(hit.kind)),
            ),
          ),
        ),
        ...(result.totalCount > hits.length ? [h('li', { className: 'muted more', role: 'presentation' }, `${result.totalCount - hits.length} more — refine the search`)] : []),
      );
      highlight(active);
    } catch (error) {
      if (current !== sequence) return;
      hits = [];
      hitsFor = null;
      open(h('li', { className: 'error', role: 'presentation' }, (error as Error).message));
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    if (!input.value.trim()) return close();
    timer = setTimeout(run, 250);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length) highlight((active + (event.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length);
    } else if (event.key === 'Escape') close();
  });
  kindSelect.addEventListener('change', () => {
    if (input.value.trim()) void run();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Enter picks the highlighted result when the list shows the results for what is typed; else it searches now.
    if (!list.hidden && active >= 0 && hitsFor === key()) pick(active);
    else void run();
  });
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) close();
  });
}
