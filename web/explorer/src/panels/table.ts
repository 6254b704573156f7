import { h } from '../dom';
import { entityTable, relationshipTable, toCsv, subgraphJson, type Table } from '../exportFiles';
import type { ExplorerModel } from '../graphModel';

export interface TableActions {
  /** The graph drawing as a PNG picture. */
  graphPng(): Blob;
}

/** Offers a file to the browser's downloads (a blob: URL, so nothing leaves the page). */
export function download(name: string, content: Blob | string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function tableElement(caption: string, table: Table, id: string): HTMLElement {
  return h(
    'table',
    { className: 'data-table', id },
    h('caption', null, `${caption} (${table.rows.length})`),
    h('thead', null, h('tr', null, table.columns.map((column) => h('th', { scope: 'col' }, column)))),
    h('tbody', null, table.rows.map((row) => h('tr', null, row.map((cell) => h('td', null, cell))))),
  );
}

/** The current graph as two tables, with CSV, JSON and PNG downloads of what is shown. */
export function renderTableView(container: HTMLElement, model: ExplorerModel, actions: TableActions): void {
  const entities = entityTable(model);
  const relationships = relationshipTable(model);
  container.replaceChildren(
    h('h2', null, 'The current graph as tables'),
    h(
      'div',
      { className: 'entity-actions', role: 'group', 'aria-label': 'Downloads' },
      h('button', { type: 'button', 'data-download': 'entities-csv', onclick: () => download('entities.csv', toCsv(entities), 'text/csv') }, 'Entities (CSV)'),
      h(
        'button',
        { type: 'button', 'data-download': 'relationships-csv', onclick: () => download('relationships.csv', toCsv(relationships), 'text/csv') },
        'Relationships (CSV)',
      ),
      h('button', { type: 'button', 'data-download': 'json', onclick: () => download('graph.json', subgraphJson(model), 'application/json') }, 'Graph (JSON)'),
      h('button', { type: 'button', 'data-download': 'png', onclick: () => download('graph.png', actions.graphPng(), 'image/png') }, 'Picture (PNG)'),
    ),
    tableElement('Entities', entities, 'entities-table'),
    tableElement('Relationships', relationships, 'relationships-table'),
  );
}
