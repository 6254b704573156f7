/**
 * GeoCoop Graph visual explorer (/explore): wires the API client, the graph model, the canvas and the panels.
 *
 * - `?id=<global id>[&depth=2][&hide=KIND,…]` shows that entity's neighbourhood; otherwise the search box and a hint.
 * - Click (or pick in the node list) a node: select it, show its details and expand its neighbourhood.
 * - Double-click a node, or "Re-centre here": show that node's neighbourhood only.
 * - "Open in GraphiQL": the same neighbourhood query in a new tab, run at once.
 * Global IDs are opaque strings: they are only ever passed back to the server, never parsed.
 */
import type { Core } from 'cytoscape';
import { svgOf } from './canvas';
import { fetchConnection, fetchEntity, fetchNeighbourhood, fetchRelationship, NEIGHBOURHOOD_LIMIT, neighbourhoodVariables } from './api';
import { createCanvas, drawView } from './canvas';
import { byId } from './dom';
import { computeView, connectionSubgraph, emptyModel, mergeSubgraph, resetModel, type GraphView, type ViewNode } from './graphModel';
import { fitView, runLayout, seedPositions } from './layout';
import { CONNECTION_QUERY, NEIGHBOURHOOD_QUERY } from './operations';
import { renderBundle, renderEntity, renderLoading, renderMessage, renderRelationships } from './panels/details';
import { renderLegend } from './panels/legend';
import { renderNodeList } from './panels/nodeList';
import { renderConnection, setUpPathFinder, type PathFinder } from './panels/pathFinder';
import { renderMapView } from './panels/map';
import { nodeRelationshipsSection, renderTableView } from './panels/table';
import { renderTimelineView } from './panels/timeline';
import { setUpSearch } from './panels/search';
import { kindName } from './kinds';
import type { EntityKind } from './types';
import { readUrlState, writeUrlState } from './urlState';

/** How many relationships of one drawn edge the side panel loads (a bundle edge may stand for many). */
const MAX_RELATIONSHIPS_SHOWN = 20;

type HistoryMode = 'push' | 'replace' | 'none';

const model = emptyModel();
let cy: Core;
let view: GraphView = { nodes: [], edges: [] };
let depth: 1 | 2 = 1;
let selectedId: string | null = null;
/** Bumped whenever the graph is replaced: answers for an older graph are dropped. */
let generation = 0;
let detailsRequest = 0;
const expanding = new Map<string, Promise<void>>();
/** The endpoints of the paths shown, while the graph shows the path finder's answer. */
let pathEnds: { from: string; to: string } | null = null;
let pathFinder: PathFinder;

function setPhase(phase: 'idle' | 'loading' | 'ready' | 'error'): void {
  document.documentElement.dataset.explorerState = phase;
}

function showStatus(text: string, tone: 'info' | 'warning' | 'error' | 'busy' = 'info'): void {
  const status = byId('status');
  status.textContent = text;
  status.dataset.tone = tone;
  status.hidden = !text;
}

function viewNode(id: string): ViewNode | undefined {
  return view.nodes.find((node) => node.id === id);
}

// ------------------------------------------------------------------------------------------------ drawing

/** Recomputes what to draw from the model, draws it and refreshes every panel that depends on it. */
function render({ fresh = false }: { fresh?: boolean } = {}): void {
  view = computeView(model);
  const added = drawView(cy, view);
  if (!fresh) seedPositions(cy, added);
  runLayout(cy, { centerId: model.centerId, pinned: model.pinned, fresh });
  if (selectedId && cy.getElementById(selectedId).nonempty()) cy.getElementById(selectedId).select();
  refreshPanels();
}

function refreshPanels(): void {
  const counts = new Map<string, number>();
  for (const node of model.nodes.values()) counts.set(node.kind, (counts.get(node.kind) ?? 0) + 1);
  renderLegend(byId('legend'), counts, model.hiddenKinds, toggleKind);
  renderNodeList(byId('node-list'), view.nodes, selectedId, {
    onSelect: (id) => tapNode(id),
    onFocus: (id) => {
      cy.nodes('.focused').removeClass('focused');
      if (id) cy.getElementById(id).addClass('focused');
    },
  });
  const centre = model.centerId ? model.nodes.get(model.centerId) : null;
  const parts = centre
    ? [
        `${model.nodes.size} entities · ${model.edges.size} relationships ${pathEnds ? `on the paths from ${centre.label}` : `around ${centre.label}`}`,
        model.truncated ? `some neighbourhoods were cut at ${NEIGHBOURHOOD_LIMIT} entities` : '',
      ]
    : [];
  showStatus(parts.filter(Boolean).join(' — '), model.truncated ? 'warning' : 'info');
  const canvas = byId('cy');
  canvas.dataset.nodeCount = String(cy.nodes().length);
  canvas.dataset.edgeCount = String(cy.edges().length);
  updateUrl('none');
  updateGraphiqlLink();
  if (openView) showView(openView);
}

/** The views drawn over the graph, one at a time: tables, timeline, map. */
const VIEWS = ['table', 'timeline', 'map'] as const;
type ViewName = (typeof VIEWS)[number];
let openView: ViewName | null = null;

function showView(name: ViewName): void {
  const container = byId(`${name}-view`);
  if (name === 'table') {
    renderTableView(container, model, {
      graphPng: () => cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }),
      graphSvg: () => svgOf(cy),
      depth,
    });
  } else if (name === 'timeline') renderTimelineView(container, model, { select: (id) => void selectFromView(id) });
  else void renderMapView(container, model, { select: (id) => void selectFromView(id) });
}

function toggleView(name: ViewName): void {
  openView = openView === name ? null : name;
  for (const view of VIEWS) {
    byId(`${view}-view`).hidden = view !== openView;
    byId(`${view}-toggle`).setAttribute('aria-expanded', String(view === openView));
  }
  if (openView) showView(openView);
}

/** Picking an entity in a view shows it in the side panel (the view stays open). */
function selectFromView(id: string): Promise<void> {
  return viewNode(id) ? selectNode(id) : Promise.resolve(focusMember(id));
}

// ------------------------------------------------------------------------------------------------ actions

async function recentre(id: string, history: HistoryMode = 'push'): Promise<void> {
  const current = ++generation;
  expanding.clear();
  setPhase('loading');
  showStatus('Loading the neighbourhood…', 'busy');
  byId('hint').hidden = true;
  try {
    const subgraph = await fetchNeighbourhood(id, depth);
    if (current !== generation) return;
    pathEnds = null;
    resetModel(model, subgraph);
    selectedId = null;
    cy.elements().remove();
    render({ fresh: true });
    updateUrl(history);
    setPhase('ready');
    void selectNode(subgraph.center.id, false);
  } catch (error) {
    if (current !== generation) return;
    setPhase('error');
    showStatus((error as Error).message, 'error');
    if (model.nodes.size === 0) byId('hint').hidden = false;
  }
}

/** Draws the shortest paths between two entities, strongest first in the panel, and says how they connect. */
async function findPaths(from: string, to: string, history: HistoryMode = 'push'): Promise<void> {
  const current = ++generation;
  expanding.clear();
  setPhase('loading');
  showStatus('Looking for connections…', 'busy');
  byId('hint').hidden = true;
  try {
    const connection = await fetchConnection(from, to);
    if (current !== generation) return;
    pathEnds = { from, to };
    const subgraph = connectionSubgraph(connection);
    if (subgraph) {
      resetModel(model, subgraph);
      for (const edge of subgraph.edges) model.pathRelationships.add(edge.id);
      const ends = subgraph.nodes;
      pathFinder.setEndpoints(ends[0], ends.find((node) => node.id === to) ?? ends[ends.length - 1]);
    } else {
      model.centerId = null;
      model.nodes.clear();
      model.edges.clear();
    }
    selectedId = null;
    cy.elements().remove();
    render({ fresh: true });
    updateUrl(history);
    setPhase('ready');
    renderConnection(byId('details'), connection, graphiqlHref(), (id) => void selectNode(id));
    openDrawer();
  } catch (error) {
    if (current !== generation) return;
    setPhase('error');
    showStatus((error as Error).message, 'error');
  }
}

/** Adds the one-hop neighbourhood of a drawn node to the graph. */
function expand(id: string): Promise<void> {
  if (model.expanded.has(id) || !model.nodes.has(id)) return Promise.resolve();
  const inFlight = expanding.get(id);
  if (inFlight) return inFlight;
  const current = generation;
  cy.getElementById(id).addClass('loading');
  setPhase('loading');
  const work = fetchNeighbourhood(id, 1)
    .then((subgraph) => {
      if (current !== generation) return;
      const added = mergeSubgraph(model, subgraph);
      model.expanded.add(id);
      render();
      const label = model.nodes.get(id)?.label ?? id;
      if (!added.length) showStatus(`${label}: no new neighbours`);
      if (selectedId === id) void selectNode(id, false);
    })
    .catch((error: Error) => {
      if (current === generation) showStatus(error.message, 'error');
    })
    .finally(() => {
      expanding.delete(id);
      cy.getElementById(id).removeClass('loading');
      if (current === generation && expanding.size === 0) setPhase('ready');
    });
  expanding.set(id, work);
  return work;
}

function tapNode(id: string): void {
  const node = viewNode(id);
  if (node?.bundle) {
    void selectNode(id);
    return;
  }
  void selectNode(id);
  void expand(id);
}

function openBundle(id: string): void {
  const bundle = viewNode(id)?.bundle;
  if (!bundle) return;
  model.openBundles.add(id);
  selectedId = null;
  render();
  renderMessage(byId('details'), `Expanded the bundle: its ${bundle.memberIds.length} entities are drawn one by one.`);
}

function toggleKind(kind: EntityKind): void {
  if (model.hiddenKinds.has(kind)) model.hiddenKinds.delete(kind);
  else model.hiddenKinds.add(kind);
  render();
  updateUrl('replace');
}

function togglePin(id: string): void {
  if (model.pinned.has(id)) model.pinned.delete(id);
  else model.pinned.add(id);
  render();
  void selectNode(id);
}

function toggleCollapse(id: string): void {
  if (model.collapsed.has(id)) model.collapsed.delete(id);
  else model.collapsed.add(id);
  render();
  void selectNode(id);
}

function hideNode(id: string): void {
  model.hiddenNodes.add(id);
  if (selectedId === id) selectedId = null;
  render();
  renderMessage(byId('details'), `Hidden: ${model.nodes.get(id)?.label ?? id}. Re-centre to show it again.`);
}

// ------------------------------------------------------------------------------------------------ side panel

/** `reveal`: open the drawer on phones (a user's choice does; the automatic selection of a new centre does not). */
async function selectNode(id: string, reveal = true): Promise<void> {
  const panel = byId('details');
  const request = ++detailsRequest;
  cy.elements(':selected').unselect();
  const element = cy.getElementById(id);
  if (element.nonempty()) element.select();
  selectedId = id;
  markEdgesNearSelection();
  refreshNodeListSelection();
  if (reveal) openDrawer();

  const node = viewNode(id);
  if (node?.bundle) {
    const titles = new Map(node.bundle.memberIds.map((member) => [member, model.nodes.get(member)?.label ?? member]));
    renderBundle(panel, node, titles, () => openBundle(id), (member) => focusMember(member));
    return;
  }
  const known = model.nodes.get(id);
  renderLoading(panel, known?.label ?? id, known ? kindName(known.kind) : '');
  try {
    const entity = await fetchEntity(id);
    if (request !== detailsRequest) return;
    if (!entity) return renderMessage(panel, 'This entity no longer exists.', 'error');
    renderEntity(panel, entity, viewNode(id), {
      expand: () => void expand(id),
      recentre: () => void recentre(id),
      togglePin: () => togglePin(id),
      hide: () => hideNode(id),
      toggleCollapse: () => toggleCollapse(id),
    }, nodeRelationshipsSection(model, id));
  } catch (error) {
    if (request === detailsRequest) renderMessage(panel, (error as Error).message, 'error');
  }
}

/** Picks a member of a bundle: the bundle opens so that the member is drawn, then the member is selected. */
function focusMember(id: string): void {
  const bundle = view.nodes.find((node) => node.bundle?.memberIds.includes(id));
  if (bundle) {
    model.openBundles.add(bundle.id);
    render();
  }
  void selectNode(id);
}

async function selectEdge(edgeId: string): Promise<void> {
  const edge = view.edges.find((candidate) => candidate.id === edgeId);
  if (!edge) return;
  const panel = byId('details');
  const request = ++detailsRequest;
  selectedId = null;
  refreshNodeListSelection();
  openDrawer();
  renderLoading(panel, edge.label.split('\n')[0], 'Relationship');
  try {
    const ids = edge.relationshipIds.slice(0, MAX_RELATIONSHIPS_SHOWN);
    const relationships = (await Promise.all(ids.map(fetchRelationship))).filter((item) => item !== null);
    if (request !== detailsRequest) return;
    if (!relationships.length) return renderMessage(panel, 'This relationship no longer exists.', 'error');
    renderRelationships(panel, relationships, (id) => (viewNode(id) ? void selectNode(id) : focusMember(id)));
  } catch (error) {
    if (request === detailsRequest) renderMessage(panel, (error as Error).message, 'error');
  }
}

/** The edges of the selected node show their labels; others only on hover. */
function markEdgesNearSelection(): void {
  cy.edges('.near-selection').removeClass('near-selection');
  if (selectedId) cy.getElementById(selectedId).connectedEdges().addClass('near-selection');
}

function refreshNodeListSelection(): void {
  document.querySelectorAll<HTMLButtonElement>('#node-list li').forEach((item) => {
    const button = item.querySelector('button');
    const selected = item.dataset.id === selectedId;
    button?.classList.toggle('selected', selected);
    button?.setAttribute('aria-pressed', String(selected));
  });
}

// ------------------------------------------------------------------------------------------------ drawer (phones)

function openDrawer(): void {
  byId('side').dataset.open = 'true';
  byId('panel-toggle').setAttribute('aria-expanded', 'true');
}

function toggleDrawer(): void {
  const side = byId('side');
  const open = side.dataset.open !== 'true';
  side.dataset.open = String(open);
  byId('panel-toggle').setAttribute('aria-expanded', String(open));
}

// ------------------------------------------------------------------------------------------------ URL and links

function updateUrl(history: HistoryMode): void {
  const search = writeUrlState({
    centerId: pathEnds ? null : model.centerId,
    depth,
    hiddenKinds: [...model.hiddenKinds],
    pathFrom: pathEnds?.from ?? null,
    pathTo: pathEnds?.to ?? null,
  });
  const url = `${window.location.pathname}${search}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (history === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

/** GraphiQL with the query behind what is shown (the paths, else the neighbourhood), run on opening. */
function graphiqlHref(): string {
  const [query, variables] = pathEnds
    ? [CONNECTION_QUERY, pathEnds]
    : model.centerId
      ? [NEIGHBOURHOOD_QUERY, neighbourhoodVariables(model.centerId, depth)]
      : [null, null];
  if (!query) return '/graphiql';
  return `/graphiql?${new URLSearchParams({ query, variables: JSON.stringify(variables), run: '1' })}`;
}

function updateGraphiqlLink(): void {
  byId<HTMLAnchorElement>('open-graphiql').href = graphiqlHref();
}

// ------------------------------------------------------------------------------------------------ start

function showStart(): void {
  generation += 1;
  pathEnds = null;
  model.centerId = null;
  model.nodes.clear();
  model.edges.clear();
  cy.elements().remove();
  view = { nodes: [], edges: [] };
  selectedId = null;
  byId('hint').hidden = false;
  renderMessage(byId('details'), 'Nothing selected.');
  refreshPanels();
  showStatus('');
  setPhase('idle');
  byId('search-input').focus();
}

function applyUrl(history: HistoryMode): void {
  const state = readUrlState(window.location.search);
  depth = state.depth;
  byId<HTMLSelectElement>('depth').value = String(depth);
  model.hiddenKinds = new Set(state.hiddenKinds);
  if (state.pathFrom && state.pathTo) void findPaths(state.pathFrom, state.pathTo, history);
  else if (state.centerId) void recentre(state.centerId, history);
  else showStart();
}

function start(): void {
  try {
    cy = createCanvas(byId('cy'), {
      onNodeTap: tapNode,
      onNodeDoubleTap: (id) => {
        if (!viewNode(id)?.bundle) void recentre(id);
      },
      onEdgeTap: (id) => void selectEdge(id),
      onBackgroundTap: () => cy.edges('.near-selection').removeClass('near-selection'),
    });
  } catch (error) {
    showStatus((error as Error).message, 'error');
    setPhase('error');
    return;
  }
  // For the end-to-end tests and for poking around from the console.
  Object.assign(window, {
    geocoopExplorer: {
      state: {
        cy,
        model,
        get centerId() {
          return model.centerId;
        },
        get selectedId() {
          return selectedId;
        },
        get view() {
          return view;
        },
      },
      recentre,
      findPaths,
      expand,
      selectNode,
    },
  });

  setUpSearch((hit) => void recentre(hit.id));
  pathFinder = setUpPathFinder((from, to) => void findPaths(from, to));
  byId('depth').addEventListener('change', () => {
    depth = byId<HTMLSelectElement>('depth').value === '2' ? 2 : 1;
    if (model.centerId) void recentre(model.centerId, 'replace');
  });
  byId('fit').addEventListener('click', () => fitView(cy));
  byId('panel-toggle').addEventListener('click', toggleDrawer);
  for (const view of VIEWS) byId(`${view}-toggle`).addEventListener('click', () => toggleView(view));
  window.addEventListener('popstate', () => applyUrl('none'));
  applyUrl('replace');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
