import type { ExplorerModel } from './graphModel';
import { kindName } from './kinds';

/**
 * What the explorer's downloads contain: the entities and relationships it knows (hidden ones included, so a
 * download is the whole current subgraph), as CSV tables and as JSON.
 */

export interface Table {
  columns: string[];
  rows: string[][];
}

/**
 * RFC 4180 CSV: a field with a comma, quote or line break is quoted, quotes doubled; CRLF line ends. Written
 * here rather than taken from a CSV library: writing (not parsing) is these few lines.
 */
export function toCsv(table: Table): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [table.columns, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export function entityTable(model: ExplorerModel): Table {
  return {
    columns: ['id', 'kind', 'label', 'year'],
    rows: [...model.nodes.values()].map((node) => [node.id, kindName(node.kind), node.label, node.year ? String(node.year) : '']),
  };
}

export function relationshipTable(model: ExplorerModel): Table {
  const label = (id: string) => model.nodes.get(id)?.label ?? id;
  return {
    columns: ['id', 'type', 'from', 'to', 'qualifiers'],
    rows: [...model.edges.values()].map((edge) => [
      edge.id,
      edge.type,
      label(edge.source),
      label(edge.target),
      edge.qualifiers.map((q) => `${q.name}: ${q.value}`).join('; '),
    ]),
  };
}

/** The current subgraph as JSON: its centre, entities and relationships, as the API gave them. */
export function subgraphJson(model: ExplorerModel): string {
  return `${JSON.stringify({ center: model.centerId, nodes: [...model.nodes.values()], edges: [...model.edges.values()] }, null, 2)}\n`;
}
