import { h } from '../dom';
import type { ViewNode } from '../graphModel';
import { kindName } from '../kinds';
import { swatchFor } from './legend';

export interface NodeListHandlers {
  onSelect(id: string): void;
  onFocus(id: string | null): void;
}

/**
 * The drawn nodes as a list of buttons beside the canvas: the keyboard way to reach every node (Tab or the arrow
 * keys move, Enter selects; the side panel then offers expand, re-centre, pin, hide and collapse).
 */
export function renderNodeList(container: HTMLElement, nodes: readonly ViewNode[], selectedId: string | null, handlers: NodeListHandlers): void {
  // A re-render (e.g. when an expansion lands) keeps the keyboard focus on the same node.
  const focusedId = container.contains(document.activeElement) ? (document.activeElement?.closest('li') as HTMLElement | null)?.dataset.id : undefined;
  const sorted = [...nodes].sort((a, b) => Number(b.isCenter) - Number(a.isCenter) || a.title.localeCompare(b.title));
  const list = h(
    'ul',
    { className: 'node-list', 'aria-label': 'Nodes in the graph' },
    sorted.map((node) =>
      h(
        'li',
        { dataset: { id: node.id } },
        h(
          'button',
          {
            type: 'button',
            className: node.id === selectedId ? 'selected' : null,
            'aria-pressed': String(node.id === selectedId),
            'aria-label': `${node.title}, ${node.bundle ? 'bundle' : kindName(node.kind)}${node.isCenter ? ', centre' : ''}`,
            onclick: () => handlers.onSelect(node.id),
            onfocus: () => handlers.onFocus(node.id),
            onblur: () => handlers.onFocus(null),
            onkeydown: (event: Event) => moveFocus(event as KeyboardEvent),
          },
          node.bundle ? h('span', { className: 'swatch bundle-swatch', 'aria-hidden': 'true' }) : swatchFor(node.kind),
          h('span', { className: 'node-list-label' }, node.bundle ? node.label : node.title),
        ),
      ),
    ),
  );
  container.replaceChildren(h('h2', { id: 'node-list-title' }, `Nodes (${nodes.length})`), list);
  if (focusedId) [...list.querySelectorAll('li')].find((item) => item.dataset.id === focusedId)?.querySelector('button')?.focus();
}

function moveFocus(event: KeyboardEvent): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const item = (event.currentTarget as HTMLElement).closest('li');
  const next = event.key === 'ArrowDown' ? item?.nextElementSibling : item?.previousElementSibling;
  const button = next?.querySelector('button');
  if (button) {
    event.preventDefault();
    button.focus();
  }
}
