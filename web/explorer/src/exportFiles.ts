import type { ExplorerModel } from './graphModel';
import type { Table } from '../../shared/csv';
import { kindName } from './kinds';

/**
 * What the explorer's downloads contain: the entities and relationships it knows (hidden ones included, so a
 * download is the whole current subgraph), as CSV tables and as JSON.
 */

export { toCsv, type Table } from '../../shared/csv';

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

/** The relationships of one entity in the current graph, seen from it. */
export function nodeRelationshipTable(model: ExplorerModel, id: string): Table {
  const label = (other: string) => model.nodes.get(other)?.label ?? other;
  const kind = (other: string) => kindName(model.nodes.get(other)?.kind ?? '');
  return {
    columns: ['id', 'type', 'direction', 'other', 'other kind', 'qualifiers'],
    rows: [...model.edges.values()]
      .filter((edge) => edge.source === id || edge.target === id)
      .map((edge) => {
        const outgoing = edge.source === id;
        const other = outgoing ? edge.target : edge.source;
        return [edge.id, edge.type, outgoing ? 'outgoing' : 'incoming', label(other), kind(other), edge.qualifiers.map((q) => `${q.name}: ${q.value}`).join('; ')];
      }),
  };
}

/** The most `ids` one export request takes (LIMITS.export.ids on the server). */
export const EXPORT_MAX_IDS = 50;

/**
 * The server's export of the current subgraph (`GET /export?format=…&ids=…&depth=…`, src/http/export.ts): its
 * entities themselves at depth 0 when there are few enough, else the entities expanded so far at the drawn depth
 * (which may add entities the explorer cut at its neighbourhood limit).
 */
export function subgraphExportHref(model: ExplorerModel, format: 'jsonld' | 'graphml' | 'csv', depth: number): string | null {
  if (!model.centerId) return null;
  const all = [...model.nodes.keys()];
  const [ids, around] = all.length <= EXPORT_MAX_IDS ? [all, 0] : [[...model.expanded].slice(0, EXPORT_MAX_IDS), depth];
  return `/export?${new URLSearchParams({ format, ids: ids.join(','), depth: String(around) })}`;
}

/** The current subgraph as JSON: its centre, entities and relationships, as the API gave them. */
export function subgraphJson(model: ExplorerModel): string {
  return `${JSON.stringify({ center: model.centerId, nodes: [...model.nodes.values()], edges: [...model.edges.values()] }, null, 2)}\n`;
}
