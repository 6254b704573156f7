// cytoscape-fcose ships no types; it is a cytoscape extension registered with cytoscape.use().
declare module 'cytoscape-fcose' {
  const fcose: cytoscape.Ext;
  export default fcose;
}

// cytoscape-svg ships no types either; it adds `cy.svg(options)`, returning the drawing as SVG text.
declare module 'cytoscape-svg' {
  const svg: cytoscape.Ext;
  export default svg;
}
