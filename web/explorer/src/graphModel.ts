import { fullLabel, shortLabels } from './labels';
import type { Connection, EntityKind, GraphEdge, GraphNode, NamedValue, Subgraph } from './types';

/** This many leaves hanging off one node by one relationship type are drawn as one bundle ("14 × MEMBER_OF" around CCOP). */
export const BUNDLE_MIN = 5;

/** Everything the explorer knows about the graph it shows; the drawing is computed from it by `computeView`. */
export interface ExplorerModel {
  centerId: string | null;
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  /** Nodes whose neighbourhood has been fetched. */
  expanded: Set<string>;
  /** Kinds switched off in the legend: they stay hidden when more nodes arrive. */
  hiddenKinds: Set<EntityKind>;
  /** Nodes hidden one by one. */
  hiddenNodes: Set<string>;
  /** Nodes the layout must not move. */
  pinned: Set<string>;
  /** Nodes whose leaf neighbours are folded away. */
  collapsed: Set<string>;
  /** Bundles the user opened: their members are drawn one by one. */
  openBundles: Set<string>;
  /** The relationships of the paths the path finder found: drawn highlighted, never bundled. */
  pathRelationships: Set<string>;
  truncated: boolean;
}

export function emptyModel(): ExplorerModel {
  return {
    centerId: null,
    nodes: new Map(),
    edges: new Map(),
    expanded: new Set(),
    hiddenKinds: new Set(),
    hiddenNodes: new Set(),
    pinned: new Set(),
    collapsed: new Set(),
    openBundles: new Set(),
    pathRelationships: new Set(),
    truncated: false,
  };
}

/** The subgraph's nodes, its centre included, once each and in the server's order. */
function subgraphNodes(subgraph: Subgraph): GraphNode[] {
  const seen = new Map<string, GraphNode>();
  for (const node of [subgraph.center, ...subgraph.nodes]) if (!seen.has(node.id)) seen.set(node.id, node);
  return [...seen.values()];
}

/** Starts the model afresh around a subgraph's centre; hidden kinds are kept, as the user chose them. */
export function resetModel(model: ExplorerModel, subgraph: Subgraph): void {
  model.centerId = subgraph.center.id;
  model.nodes.clear();
  model.edges.clear();
  model.expanded = new Set([subgraph.center.id]);
  model.hiddenNodes.clear();
  model.pinned.clear();
  model.collapsed.clear();
  model.openBundles.clear();
  model.pathRelationships.clear();
  model.truncated = false;
  mergeSubgraph(model, subgraph);
}

/** The paths of a connection as a subgraph centred on their start: every node and relationship along them. */
export function connectionSubgraph(connection: Connection): Subgraph | null {
  const paths = connection.rankedPaths.map((ranked) => ranked.path);
  if (!paths.length) return null;
  const nodes = paths.flatMap((path) => path.steps.map((step) => step.node));
  const edges = paths.flatMap((path) =>
    path.steps.flatMap((step, index) => {
      const next = path.steps[index + 1];
      if (!step.relationship || !next) return [];
      const outgoing = step.relationship.direction === 'OUTGOING';
      const { id, type, qualifiers } = step.relationship;
      return [{ id, type, qualifiers, source: outgoing ? step.node.id : next.node.id, target: outgoing ? next.node.id : step.node.id }];
    }),
  );
  return { center: nodes[0], nodes, edges, truncated: false };
}

/** Adds what the model lacks from a subgraph; returns the IDs of the nodes it added. */
export function mergeSubgraph(model: ExplorerModel, subgraph: Subgraph): string[] {
  const added: string[] = [];
  for (const node of subgraphNodes(subgraph)) {
    const known = model.nodes.get(node.id);
    if (!known) added.push(node.id);
    // A centre arrives without its facts (year, code…); keep what a fuller answer told.
    model.nodes.set(node.id, {
      ...node,
      year: node.year ?? known?.year ?? null,
      startDate: node.startDate ?? known?.startDate ?? null,
      endDate: node.endDate ?? known?.endDate ?? null,
      foundedYear: node.foundedYear ?? known?.foundedYear ?? null,
      countryCode: node.countryCode ?? known?.countryCode ?? null,
    });
  }
  for (const edge of subgraph.edges) if (model.nodes.has(edge.source) && model.nodes.has(edge.target)) model.edges.set(edge.id, edge);
  if (subgraph.truncated) model.truncated = true;
  return added;
}

export interface ViewNode {
  id: string;
  kind: EntityKind | 'BUNDLE';
  /** The short canvas label. */
  label: string;
  /** The full name for tooltips and the node list. */
  title: string;
  isCenter: boolean;
  pinned: boolean;
  expanded: boolean;
  collapsed: boolean;
  /** Bundles only: the node they hang off and the nodes they stand for. */
  bundle?: { anchorId: string; type: string; memberIds: string[] };
}

export interface ViewEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  /** The relationships this drawn edge stands for (several when parallel ones or a bundle are merged). */
  relationshipIds: string[];
  qualifiers: NamedValue[];
  /** Shown on hover or selection only, and always along a found path. */
  label: string;
  onPath: boolean;
}

export interface GraphView {
  nodes: ViewNode[];
  edges: ViewEdge[];
}

interface Link {
  edge: GraphEdge;
  other: string;
}

function linksOf(edges: readonly GraphEdge[]): Map<string, Link[]> {
  const links = new Map<string, Link[]>();
  const add = (id: string, link: Link) => links.set(id, [...(links.get(id) ?? []), link]);
  for (const edge of edges) {
    add(edge.source, { edge, other: edge.target });
    if (edge.target !== edge.source) add(edge.target, { edge, other: edge.source });
  }
  return links;
}

function neighbours(links: Map<string, Link[]>, id: string): Set<string> {
  return new Set((links.get(id) ?? []).map((link) => link.other));
}

/** The IDs of the nodes drawn one by one: not of a hidden kind, not hidden, not folded under a collapsed node. */
function visibleNodeIds(model: ExplorerModel): Set<string> {
  const visible = new Set<string>();
  for (const node of model.nodes.values()) {
    const keep = node.id === model.centerId || (!model.hiddenKinds.has(node.kind) && !model.hiddenNodes.has(node.id));
    if (keep) visible.add(node.id);
  }
  const among = (edges: Iterable<GraphEdge>) => [...edges].filter((edge) => visible.has(edge.source) && visible.has(edge.target));
  const links = linksOf(among(model.edges.values()));
  for (const id of model.collapsed) {
    if (!visible.has(id)) continue;
    for (const other of neighbours(links, id)) {
      const onlyThroughCollapsed = [...neighbours(links, other)].every((next) => next === id);
      if (onlyThroughCollapsed && other !== model.centerId && !model.pinned.has(other)) visible.delete(other);
    }
  }
  return visible;
}

export function bundleId(anchorId: string, type: string, outgoing: boolean): string {
  return `bundle:${outgoing ? 'from' : 'to'}:${type}:${anchorId}`;
}

function edgeLabel(type: string, count: number): string {
  return count > 1 ? `${count} × ${type}` : type;
}

/**
 * What to draw: visible nodes with short, distinct labels; leaves hanging off one node by one relationship type
 * (at least BUNDLE_MIN of them, not opened by the user) as one bundle; parallel relationships of one type between
 * the same two nodes as one edge with a count.
 */
export function computeView(model: ExplorerModel): GraphView {
  const visible = visibleNodeIds(model);
  const edges = [...model.edges.values()].filter((edge) => visible.has(edge.source) && visible.has(edge.target));
  const links = linksOf(edges);

  // Leaves: one neighbour, every relationship to it of one type and direction.
  const groups = new Map<string, { anchorId: string; type: string; outgoing: boolean; members: string[] }>();
  for (const id of visible) {
    if (id === model.centerId || model.pinned.has(id) || model.expanded.has(id)) continue;
    const own = links.get(id) ?? [];
    if (own.some((link) => model.pathRelationships.has(link.edge.id))) continue;
    const others = new Set(own.map((link) => link.other));
    if (others.size !== 1) continue;
    const shapes = new Set(own.map((link) => `${link.edge.type}|${link.edge.target === id}`));
    if (shapes.size !== 1) continue;
    const [anchorId] = others;
    const { type } = own[0].edge;
    // `outgoing` is seen from the anchor: the relationships run from the anchor to the leaves.
    const outgoing = own[0].edge.source === anchorId;
    const key = bundleId(anchorId, type, outgoing);
    const group = groups.get(key) ?? { anchorId, type, outgoing, members: [] };
    group.members.push(id);
    groups.set(key, group);
  }
  const bundledInto = new Map<string, string>();
  const bundles: ViewNode[] = [];
  for (const [key, group] of groups) {
    if (group.members.length < BUNDLE_MIN || model.openBundles.has(key)) continue;
    for (const member of group.members) bundledInto.set(member, key);
    const names = group.members.map((member) => model.nodes.get(member)!.label);
    bundles.push({
      id: key,
      kind: 'BUNDLE',
      label: `${group.members.length} × ${group.type}`,
      title: `${group.members.length} × ${group.type}: ${names.join(', ')}`,
      isCenter: false,
      pinned: false,
      expanded: false,
      collapsed: false,
      bundle: { anchorId: group.anchorId, type: group.type, memberIds: group.members },
    });
  }

  const drawnNodes = [...visible].filter((id) => !bundledInto.has(id)).map((id) => model.nodes.get(id)!);
  const labels = shortLabels(drawnNodes);
  const nodes: ViewNode[] = [
    ...drawnNodes.map((node) => ({
      id: node.id,
      kind: node.kind,
      label: labels.get(node.id)!,
      title: fullLabel(node),
      isCenter: node.id === model.centerId,
      pinned: model.pinned.has(node.id),
      expanded: model.expanded.has(node.id),
      collapsed: model.collapsed.has(node.id),
    })),
    ...bundles,
  ];

  // Merge relationships that end up between the same two drawn nodes with the same type and direction.
  const merged = new Map<string, ViewEdge>();
  for (const edge of edges) {
    const source = bundledInto.get(edge.source) ?? edge.source;
    const target = bundledInto.get(edge.target) ?? edge.target;
    const key = `${edge.type}|${source}|${target}`;
    const known = merged.get(key);
    if (known) {
      known.relationshipIds.push(edge.id);
      known.label = edgeLabel(edge.type, known.relationshipIds.length);
      known.qualifiers = [];
      known.onPath ||= model.pathRelationships.has(edge.id);
    } else {
      const onPath = model.pathRelationships.has(edge.id);
      merged.set(key, { id: `edge:${key}`, source, target, type: edge.type, relationshipIds: [edge.id], qualifiers: edge.qualifiers, label: edge.type, onPath });
    }
  }
  for (const edge of merged.values()) if (edge.relationshipIds.length === 1) edge.label = singleEdgeLabel(edge);
  return { nodes, edges: [...merged.values()] };
}

/** The key qualifiers a single relationship's label shows, most telling first. */
const KEY_QUALIFIERS = ['role', 'city', 'start', 'startDate', 'end', 'endDate', 'date', 'year', 'since', 'until', 'asOf'];

function singleEdgeLabel(edge: ViewEdge): string {
  const shown = KEY_QUALIFIERS.map((name) => edge.qualifiers.find((q) => q.name === name && q.value !== ''))
    .filter((q): q is NamedValue => Boolean(q))
    .slice(0, 2)
    .map((q) => `${q.name}: ${q.value.length > 28 ? `${q.value.slice(0, 27)}…` : q.value}`);
  return shown.length ? `${edge.type}\n${shown.join(' · ')}` : edge.type;
}
