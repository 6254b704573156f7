import { downloadFile } from '../../../shared/csv';
import { h } from '../dom';
import { entityTable, nodeRelationshipTable, relationshipTable, subgraphExportHref, subgraphJson, toCsv, type Table } from '../exportFiles';
import type { ExplorerModel } from '../graphModel';

export interface TableActions {
  /** The graph drawing as a PNG picture. */
  graphPng(): Blob;
  /** The graph drawing as SVG text. */
  graphSvg(): string;
  /** The depth the neighbourhood was drawn at, for the server's export of the subgraph. */
  depth: number;
}

const download = downloadFile;

function tableElement(caption: string, table: Table, id: string, columns: readonly string[] = table.columns): HTMLElement {
  const shown = columns.map((column) => table.columns.indexOf(column));
  return h(
    'table',
    { className: 'data-table', id },
    h('caption', null, `${caption} (${table.rows.length})`),
    h('thead', null, h('tr', null, columns.map((column) => h('th', { scope: 'col' }, column)))),
    h('tbody', null, table.rows.map((row) => h('tr', null, shown.map((index) => h('td', null, row[index]))))),
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
      h('button', { type: 'button', 'data-download': 'svg', onclick: () => download('graph.svg', actions.graphSvg(), 'image/svg+xml') }, 'Picture (SVG)'),
    ),
    serverExports(model, actions.depth) ?? '',
    tableElement('Entities', entities, 'entities-table'),
    tableElement('Relationships', relationships, 'relationships-table'),
  );
}

/** The server's own export of the current subgraph, with provenance (links: the browser downloads the file). */
function serverExports(model: ExplorerModel, depth: number): HTMLElement | null {
  const jsonld = subgraphExportHref(model, 'jsonld', depth);
  const graphml = subgraphExportHref(model, 'graphml', depth);
  if (!jsonld || !graphml) return null;
  return h(
    'div',
    { className: 'entity-actions', role: 'group', 'aria-label': 'The current subgraph from the server, with provenance' },
    h('span', { className: 'muted' }, 'With provenance:'),
    h('a', { className: 'button', href: jsonld, download: '', 'data-download': 'jsonld' }, 'JSON-LD'),
    h('a', { className: 'button', href: graphml, download: '', 'data-download': 'graphml' }, 'GraphML'),
  );
}

/** The selected entity's relationships in the current graph, as a table with a CSV download. */
export function nodeRelationshipsSection(model: ExplorerModel, id: string): HTMLElement {
  const table = nodeRelationshipTable(model, id);
  const label = model.nodes.get(id)?.label ?? id;
  const slug = label.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'entity';
  return h(
    'section',
    { className: 'node-relationships', 'aria-label': `Relationships of ${label}` },
    h('h3', null, 'Relationships in the graph'),
    table.rows.length
      ? [
          h(
            'button',
            { type: 'button', 'data-download': 'node-relationships-csv', onclick: () => download(`${slug}-relationships.csv`, toCsv(table), 'text/csv') },
            'Relationships (CSV)',
          ),
          tableElement('Relationships', table, 'node-relationships-table', ['type', 'direction', 'other', 'qualifiers']),
        ]
      : h('p', { className: 'muted' }, 'None drawn yet: expand the node to load them.'),
  );
}
