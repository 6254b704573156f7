import { searchEntities } from '../api';
import { h } from '../dom';
import { isEntityKind, kindName } from '../kinds';
import type { SearchHit } from '../types';
import { swatchFor } from './legend';

/** Fewer characters than this are not searched; the list says so instead of staying silent. */
export const MIN_QUERY_LENGTH = 2;
const TYPING_PAUSE_MS = 250;

export interface ComboboxParts {
  input: HTMLInputElement;
  list: HTMLUListElement;
  /** Restricts the search to one kind when set to an EntityKind. */
  kindSelect?: HTMLSelectElement;
  onPick(hit: SearchHit): void;
}

export interface Combobox {
  /** Searches now (e.g. on submit); picks the highlighted hit instead when the list shows hits for what is typed. */
  submit(): void;
  close(): void;
}

/**
 * An autocomplete over the API's search across kinds, as an ARIA combobox: it searches as one types, arrow keys
 * move, Enter picks, Escape closes, and it says when the query is too short or nothing matches.
 */
export function createCombobox({ input, list, kindSelect, onPick }: ComboboxParts): Combobox {
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hits: SearchHit[] = [];
  let hitsFor: string | null = null;
  let active = -1;
  const optionId = (index: number) => `${list.id}-option-${index}`;
  const key = () => `${kindSelect?.value ?? ''}|${input.value.trim()}`;

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
    if (index >= 0) input.setAttribute('aria-activedescendant', optionId(index));
  };
  const pick = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    close();
    onPick(hit);
  };
  const note = (text: string, className = 'muted') => h('li', { className, role: 'presentation' }, text);

  const run = async () => {
    clearTimeout(timer);
    const text = input.value.trim();
    const current = ++sequence;
    if (text.length < MIN_QUERY_LENGTH) {
      hits = [];
      hitsFor = null;
      open(note(text ? `Type at least ${MIN_QUERY_LENGTH} characters to search.` : 'Type a name to search, e.g. CGS.'));
      return;
    }
    try {
      const kind = kindSelect && isEntityKind(kindSelect.value) ? kindSelect.value : null;
      const result = await searchEntities(text, kind);
      if (current !== sequence) return;
      hits = result.hits;
      hitsFor = key();
      // What the list shows hits for, so that a test (or a curious user) can tell a stale list from a fresh one.
      list.dataset.for = text;
      if (!hits.length) return open(note(`Nothing matches “${text}”.`));
      // Grouped by kind, the group of the best hit first (the server's counts cover every match, not only this
      // page); suggestions say so.
      const suggesting = hits.every((hit) => hit.match === 'FUZZY');
      const order = [...new Set(hits.map((hit) => hit.kind))];
      const groups = order.map((kind) => ({ kind, count: result.kinds.find((group) => group.kind === kind)?.count ?? 0 }));
      hits = groups.flatMap((group) => hits.filter((hit) => hit.kind === group.kind));
      let index = 0;
      open(
        ...(suggesting ? [note(`Nothing matches “${text}” as typed. Did you mean:`, 'muted suggestion-note')] : []),
        ...groups.flatMap((group) => [
          h('li', { className: 'result-group', role: 'presentation', dataset: { kind: group.kind } }, `${kindName(group.kind)} (${group.count})`),
          ...hits
            .filter((hit) => hit.kind === group.kind)
            .map((hit) => {
              const position = index++;
              return h(
                'li',
                { role: 'option', id: optionId(position), 'aria-selected': 'false', dataset: { id: hit.id, match: hit.match ?? '' } },
                h(
                  'button',
                  { type: 'button', tabindex: '-1', onclick: () => pick(position), onmouseenter: () => highlight(position) },
                  swatchFor(hit.kind),
                  h('span', { className: 'result-label' }, hit.label),
                  h('span', { className: 'result-kind' }, kindName(hit.kind)),
                ),
              );
            }),
        ]),
        ...(result.totalCount > hits.length ? [note(`${result.totalCount - hits.length} more — refine the search`, 'muted more')] : []),
      );
      highlight(0);
    } catch (error) {
      if (current !== sequence) return;
      hits = [];
      hitsFor = null;
      open(note((error as Error).message, 'error'));
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    if (!input.value.trim()) return close();
    timer = setTimeout(run, TYPING_PAUSE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length) highlight((active + (event.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length);
    } else if (event.key === 'Escape') close();
    else if (event.key === 'Enter') {
      // Handled here, not by the form: implicit submission would first "click" the form's submit button (which
      // closes the list) and does nothing at all while that button is disabled.
      event.preventDefault();
      combobox.submit();
    }
  });
  kindSelect?.addEventListener('change', () => {
    if (input.value.trim()) void run();
  });
  document.addEventListener('click', (event) => {
    if (event.target !== input && !list.contains(event.target as Node)) close();
  });

  const combobox: Combobox = {
    submit() {
      if (!list.hidden && active >= 0 && hitsFor === key()) pick(active);
      else void run();
    },
    close,
  };
  return combobox;
}
