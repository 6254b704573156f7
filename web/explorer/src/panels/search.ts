import { byId, h } from '../dom';
import { KINDS } from '../kinds';
import type { SearchHit } from '../types';
import { createCombobox } from './combobox';

/** The search box of the top bar: pick a hit to see its neighbourhood. */
export function setUpSearch(onPick: (hit: SearchHit) => void): void {
  const input = byId<HTMLInputElement>('search-input');
  const kindSelect = byId<HTMLSelectElement>('search-kind');
  for (const { kind, name } of KINDS) kindSelect.append(h('option', { value: kind }, name));
  const combobox = createCombobox({
    input,
    list: byId<HTMLUListElement>('search-results'),
    kindSelect,
    onPick: (hit) => {
      input.blur();
      onPick(hit);
    },
  });
  byId<HTMLFormElement>('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    combobox.submit();
  });
}
