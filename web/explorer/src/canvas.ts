import cytoscape, { type Core, type EventObject } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import cytoscapeSvg from 'cytoscape-svg';
import { kindColour } from './kinds';
import type { GraphView } from './graphModel';

cytoscape.use(fcose);
cytoscape.use(cytoscapeSvg);

/** The whole drawing as an SVG document (cytoscape-svg draws the canvas's own style through canvas2svg). */
export function svgOf(cy: Core): string {
  return (cy as Core & { svg(options: { full: boolean; scale: number; bg: string }): string }).svg({ full: true, scale: 1, bg: '#ffffff' });
}

const BUNDLE_COLOUR = '#52606d';

export interface CanvasHandlers {
  onNodeTap(id: string): void;
  onNodeDoubleTap(id: string): void;
  onEdgeTap(id: string): void;
  onBackgroundTap(): void;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** The cytoscape instance with the explorer's style; labels of edges show on hover or selection only. */
export function createCanvas(container: HTMLElement, handlers: CanvasHandlers): Core {
  const cy = cytoscape({
    container,
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          label: 'data(label)',
          width: 24,
          height: 24,
          'font-size': 11,
          'font-family': FONT,
          color: '#1f2933',
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'ellipsis',
          'text-max-width': '160px',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
          'text-background-padding': '1px',
          'min-zoomed-font-size': 6,
          'border-width': 1,
          'border-color': '#ffffff',
        },
      },
      { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#52606d' } },
      { selector: 'node.pinned', style: { shape: 'round-rectangle' } },
      { selector: 'node.collapsed', style: { 'border-style': 'double', 'border-width': 4, 'border-color': '#52606d' } },
      {
        selector: 'node.bundle',
        style: { shape: 'round-rectangle', width: 34, height: 20, 'font-weight': 'bold', color: BUNDLE_COLOUR, 'border-color': BUNDLE_COLOUR, 'border-width': 2 },
      },
      {
        selector: 'node.center',
        style: { width: 40, height: 40, 'font-size': 13, 'font-weight': 'bold', 'border-width': 3, 'border-color': '#1f2933' },
      },
      { selector: 'node.focused', style: { 'overlay-color': '#1d4e89', 'overlay-opacity': 0.25, 'overlay-padding': 8 } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffb703', 'z-index': 10 } },
      { selector: 'node.loading', style: { 'border-style': 'dashed', 'border-color': '#ffb703', 'border-width': 3 } },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': '#9aa5b1',
          'target-arrow-color': '#9aa5b1',
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.8,
          'curve-style': 'bezier',
          label: '',
          'font-size': 9,
          'font-family': FONT,
          color: '#3e4c59',
          'text-wrap': 'wrap',
          'text-rotation': 'autorotate',
          'text-background-color': '#f7f9fb',
          'text-background-opacity': 0.95,
          'text-background-padding': '1px',
        },
      },
      { selector: 'edge.bundled', style: { width: 4 } },
      { selector: 'edge.hover, edge:selected, edge.near-selection', style: { label: 'data(label)', 'z-index': 20 } },
      { selector: 'edge:selected', style: { width: 3, 'line-color': '#ffb703', 'target-arrow-color': '#ffb703' } },
      { selector: 'edge.on-path', style: { width: 4, 'line-color': '#1d4e89', 'target-arrow-color': '#1d4e89', label: 'data(label)' } },
    ],
  });

  cy.on('tap', 'node', (event: EventObject) => handlers.onNodeTap(event.target.id()));
  cy.on('dbltap', 'node', (event: EventObject) => handlers.onNodeDoubleTap(event.target.id()));
  cy.on('tap', 'edge', (event: EventObject) => handlers.onEdgeTap(event.target.id()));
  cy.on('tap', (event: EventObject) => {
    if (event.target === cy) handlers.onBackgroundTap();
  });
  // The full name of whatever the pointer is over, as the canvas's tooltip.
  cy.on('mouseover', 'node, edge', (event: EventObject) => {
    event.target.addClass('hover');
    container.title = event.target.data('title') ?? '';
  });
  cy.on('mouseout', 'node, edge', (event: EventObject) => {
    event.target.removeClass('hover');
    container.title = '';
  });
  return cy;
}

/** Makes the canvas show `view`: adds, updates and removes elements; returns the IDs of the nodes it added. */
export function drawView(cy: Core, view: GraphView): string[] {
  const added: string[] = [];
  cy.batch(() => {
    const wanted = new Set([...view.nodes.map((node) => node.id), ...view.edges.map((edge) => edge.id)]);
    cy.elements()
      .filter((element) => !wanted.has(element.id()))
      .remove();
    for (const node of view.nodes) {
      const data = {
        id: node.id,
        kind: node.kind,
        label: node.label,
        title: node.title,
        colour: node.bundle ? '#ffffff' : kindColour(node.kind),
      };
      const classes = [
        node.isCenter ? 'center' : '',
        node.expanded ? 'expanded' : '',
        node.pinned ? 'pinned' : '',
        node.collapsed ? 'collapsed' : '',
        node.bundle ? 'bundle' : '',
      ]
        .filter(Boolean)
        .join(' ');
      const existing = cy.getElementById(node.id);
      if (existing.nonempty()) {
        existing.data(data);
        existing.classes(classes);
      } else {
        cy.add({ group: 'nodes', data, classes });
        added.push(node.id);
      }
    }
    for (const edge of view.edges) {
      const data = {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: edge.type,
        label: edge.label,
        title: edge.label,
        relationshipIds: edge.relationshipIds,
      };
      const classes = [edge.relationshipIds.length > 1 ? 'bundled' : '', edge.onPath ? 'on-path' : ''].filter(Boolean).join(' ');
      const existing = cy.getElementById(edge.id);
      if (existing.nonempty()) {
        existing.data(data);
        existing.classes(classes);
      } else cy.add({ group: 'edges', data, classes });
    }
    for (const node of view.nodes) {
      const element = cy.getElementById(node.id);
      if (node.pinned) element.lock();
      else element.unlock();
    }
  });
  return added;
}
