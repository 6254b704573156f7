import type { Core, NodeSingular } from 'cytoscape';

/** Fitting never zooms in past this: a three-node neighbourhood should not be drawn huge. */
const MAX_FIT_ZOOM = 1.6;
const FIT_PADDING = 36;

/** Places nodes that just arrived next to the drawn neighbour they came from, so the layout starts from there. */
export function seedPositions(cy: Core, newIds: readonly string[]): void {
  const fresh = new Set(newIds);
  let index = 0;
  for (const id of newIds) {
    const node = cy.getElementById(id) as NodeSingular;
    if (node.empty()) continue;
    const anchors = node.neighborhood().nodes().filter((other) => !fresh.has(other.id()));
    const origin = anchors.nonempty() ? (anchors.first() as NodeSingular).position() : { x: 0, y: 0 };
    const angle = index * 2.399963; // golden angle: spreads siblings evenly without knowing how many there are
    const radius = 60 + 8 * Math.sqrt(index);
    node.position({ x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) });
    index += 1;
  }
}

/**
 * Lays the graph out with cytoscape-fcose: the centre and pinned nodes stay where they are (so the picture does
 * not jump when a node is expanded), everything else settles around them; then the view fits the canvas.
 */
export function runLayout(cy: Core, { centerId, pinned, fresh }: { centerId: string | null; pinned: ReadonlySet<string>; fresh: boolean }): void {
  const visible = cy.elements(':visible');
  if (visible.nodes().empty()) return;
  const fixed = visible
    .nodes()
    .toArray()
    .filter((node) => node.id() === centerId || pinned.has(node.id()))
    .map((node) => ({ nodeId: node.id(), position: fresh && node.id() === centerId ? { x: 0, y: 0 } : { ...node.position() } }));
  visible
    .layout({
      name: 'fcose',
      quality: 'default',
      randomize: fresh,
      animate: false,
      fit: false,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 90,
      nodeRepulsion: () => 6500,
      packComponents: true,
      fixedNodeConstraint: fixed.length ? fixed : undefined,
    } as unknown as cytoscape.LayoutOptions)
    .run();
  fitView(cy);
}

export function fitView(cy: Core): void {
  const visible = cy.elements(':visible');
  if (visible.empty()) return;
  cy.fit(visible, FIT_PADDING);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center(visible);
  }
}
