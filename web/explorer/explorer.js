/**
 * GeoCoop Graph visual explorer (/explore).
 *
 * Talks to the server only through POST /graphql (`search`, `neighbourhood`, `node`) and draws with cytoscape,
 * whose prebuilt dist file index.html loads from /explore/vendor/ before this script. Global IDs are opaque
 * strings: they are only ever passed back to the server, never parsed.
 *
 * - `?id=<global id>[&depth=2]` shows that entity's neighbourhood; otherwise the search box and a hint.
 * - Click a node: select it (properties and provenance in the side panel) and expand its neighbourhood into the graph.
 * - Double-click a node, or "Re-centre on selection": show that node's neighbourhood only.
 * - "Open in GraphiQL": the same neighbourhood query, with its variables, in /graphiql.
 */
(function () {
  'use strict';

  const ENDPOINT = '/graphql';
  const LIMIT = 100;
  const SEARCH_FIRST = 15;
  const MAX_FIT_ZOOM = 1.25;

  const NEIGHBOURHOOD_QUERY = `query Neighbourhood($id: ID!, $depth: Int, $limit: Int) {
  neighbourhood(id: $id, depth: $depth, limit: $limit) {
    center { id kind label }
    nodes { id kind label }
    edges { id type source target qualifiers { name value } }
    truncated
  }
}`;

  const SEARCH_QUERY = `query Search($query: String!, $kinds: [EntityKind!], $first: Int) {
  search(query: $query, kinds: $kinds, first: $first) {
    totalCount
    edges { score node { id kind label } }
  }
}`;

  const DETAILS_QUERY = `query EntityDetails($id: ID!) {
  node(id: $id) {
    id
    ... on Entity {
      kind
      label
      properties { name value }
      provenance { source { title url } quote confidence note rawLabel }
    }
  }
}`;

  /** Every EntityKind, its legend name and its colour. */
  const KINDS = [
    ['ORGANIZATION', 'Organization', '#e4572e'],
    ['COUNTRY', 'Country', '#2a9d8f'],
    ['REGION', 'Region', '#8ab17d'],
    ['AGREEMENT', 'Agreement', '#f4a261'],
    ['PROJECT', 'Project', '#e9c46a'],
    ['THEME', 'Theme', '#9b5de5'],
    ['PERSON', 'Person', '#f15bb5'],
    ['POSITION', 'Position', '#00a6ed'],
    ['EVENT', 'Event', '#277da1'],
    ['TRAINING_PROGRAM', 'Training programme', '#43aa8b'],
    ['CLAIM', 'Claim', '#b5838d'],
    ['SOURCE', 'Source', '#8d99ae'],
  ];
  const KIND_NAME = Object.fromEntries(KINDS.map(([kind, name]) => [kind, name]));
  const KIND_COLOUR = Object.fromEntries(KINDS.map(([kind, , colour]) => [kind, colour]));
  const FALLBACK_COLOUR = '#adb5bd';

  /** The key qualifiers shown on edge labels, most telling first; clicking an edge shows them all. */
  const KEY_QUALIFIERS = ['role', 'city', 'start', 'startDate', 'end', 'endDate', 'date', 'year', 'since', 'until', 'asOf', 'listDate', 'mapping'];
  const MAX_LABEL_QUALIFIERS = 2;

  // ---------------------------------------------------------------------------------------------- DOM helpers

  const $ = (id) => document.getElementById(id);

  /** Builds an element: h('a', { href, className }, 'text', child…). Text is always set as text, never as HTML. */
  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'className') element.className = value;
      else if (name === 'dataset') Object.assign(element.dataset, value);
      else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === undefined || child === null || child === false) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  function swatch(kind) {
    return h('span', { className: 'swatch', style: `background:${KIND_COLOUR[kind] || FALLBACK_COLOUR}`, 'aria-hidden': 'true' });
  }

  // ---------------------------------------------------------------------------------------------- GraphQL

  let pending = 0;

  function setBusy(delta) {
    pending += delta;
    document.documentElement.dataset.busy = String(pending);
  }

  /** POSTs one operation to /graphql. Throws when the answer has no data; returns data (and the first error, if any). */
  async function gql(query, variables) {
    setBusy(1);
    try {
      let response;
      try {
        response = await fetch(ENDPOINT, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
          body: JSON.stringify({ query, variables }),
        });
      } catch (error) {
        throw new Error(`The server cannot be reached (${error.message}).`);
      }
      let body;
      try {
        body = await response.json();
      } catch {
        throw new Error(`The server answered HTTP ${response.status} without a GraphQL result.`);
      }
      const errors = Array.isArray(body.errors) ? body.errors : [];
      if (!body.data) throw new Error(errors.map((error) => error.message).join('; ') || `HTTP ${response.status}`);
      return { data: body.data, warning: errors[0] ? errors[0].message : null };
    } finally {
      setBusy(-1);
    }
  }

  function fetchNeighbourhood(id, depth) {
    return gql(NEIGHBOURHOOD_QUERY, { id, depth, limit: LIMIT }).then(({ data, warning }) => {
      if (!data.neighbourhood) throw new Error(warning || `No entity has the ID ${id}.`);
      return data.neighbourhood;
    });
  }

  // ---------------------------------------------------------------------------------------------- state

  const state = {
    cy: null,
    centerId: null,
    centerLabel: null,
    depth: 1,
    selectedId: null,
    /** IDs whose neighbourhood is already in the graph. */
    expanded: new Set(),
    /** Expansions in flight, by node ID (a double-click fires two taps). */
    expanding: new Map(),
    /** Bumped whenever the graph is replaced: answers for an older graph are dropped. */
    generation: 0,
    truncated: false,
    hiddenKinds: new Set(),
  };

  function setPhase(phase) {
    document.documentElement.dataset.explorerState = phase;
  }

  function showStatus(text, tone) {
    const status = $('status');
    status.textContent = text || '';
    status.dataset.tone = tone || 'info';
    status.hidden = !text;
  }

  // ---------------------------------------------------------------------------------------------- cytoscape

  function edgeLabel(edge) {
    const qualifiers = edge.qualifiers || [];
    const ranked = qualifiers
      .map((q) => ({ q, rank: KEY_QUALIFIERS.indexOf(q.name) }))
      .filter(({ q, rank }) => rank >= 0 && q.value !== '')
      .sort((a, b) => a.rank - b.rank);
    const shown = ranked.slice(0, MAX_LABEL_QUALIFIERS).map(({ q }) => `${q.name}: ${truncate(q.value, 28)}`);
    return shown.length ? `${edge.type}\n${shown.join(' · ')}` : edge.type;
  }

  function truncate(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  }

  function createCy() {
    if (typeof window.cytoscape !== 'function') {
      throw new Error('cytoscape did not load (expected /explore/vendor/cytoscape.min.js).');
    }
    const cy = window.cytoscape({
      container: $('cy'),
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
            'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
            color: '#1f2933',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'text-wrap': 'ellipsis',
            'text-max-width': '150px',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.75,
            'text-background-padding': '1px',
            'min-zoomed-font-size': 7,
            'border-width': 1,
            'border-color': '#ffffff',
          },
        },
        { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#52606d' } },
        {
          selector: 'node.center',
          style: { width: 40, height: 40, 'font-size': 13, 'font-weight': 'bold', 'border-width': 3, 'border-color': '#1f2933' },
        },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffb703', 'z-index': 10 } },
        { selector: 'node.loading', style: { 'border-style': 'dashed', 'border-color': '#ffb703', 'border-width': 3 } },
        { selector: '.kind-hidden', style: { display: 'none' } },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': '#9aa5b1',
            'target-arrow-color': '#9aa5b1',
            'target-arrow-shape': 'triangle',
            'arrow-scale': 0.8,
            'curve-style': 'bezier',
            label: 'data(label)',
            'font-size': 9,
            color: '#3e4c59',
            'text-wrap': 'wrap',
            'text-rotation': 'autorotate',
            'text-background-color': '#f7f9fb',
            'text-background-opacity': 0.9,
            'text-background-padding': '1px',
            'min-zoomed-font-size': 8,
          },
        },
        { selector: 'edge:selected', style: { width: 3, 'line-color': '#ffb703', 'target-arrow-color': '#ffb703' } },
      ],
    });

    cy.on('tap', 'node', (event) => {
      const id = event.target.id();
      selectNode(id);
      expandNode(id);
    });
    cy.on('dbltap', 'node', (event) => recentre(event.target.id(), { push: true }));
    cy.on('tap', 'edge', (event) => selectEdge(event.target));
    return cy;
  }

  function nodeElement(node) {
    return {
      group: 'nodes',
      data: { id: node.id, kind: node.kind, label: node.label, colour: KIND_COLOUR[node.kind] || FALLBACK_COLOUR },
      classes: state.hiddenKinds.has(node.kind) ? 'kind-hidden' : '',
    };
  }

  function edgeElement(edge) {
    return {
      group: 'edges',
      data: {
        id: `edge:${edge.id}`,
        edgeId: edge.id,
        source: edge.source,
        target: edge.target,
        type: edge.type,
        qualifiers: edge.qualifiers || [],
        label: edgeLabel(edge),
      },
    };
  }

  /** The subgraph's nodes (its centre included) once each, in the order the server gave them. */
  function subgraphNodes(subgraph) {
    const seen = new Map();
    for (const node of [subgraph.center, ...subgraph.nodes]) if (node && !seen.has(node.id)) seen.set(node.id, node);
    return [...seen.values()];
  }

  /** Adds what the graph lacks; returns the added nodes. Edges whose ends are not drawn are skipped. */
  function addSubgraph(subgraph) {
    const cy = state.cy;
    const newNodes = subgraphNodes(subgraph).filter((node) => cy.getElementById(node.id).empty());
    const added = cy.add(newNodes.map(nodeElement));
    const newEdges = subgraph.edges.filter(
      (edge) =>
        cy.getElementById(`edge:${edge.id}`).empty() &&
        cy.getElementById(edge.source).nonempty() &&
        cy.getElementById(edge.target).nonempty(),
    );
    cy.add(newEdges.map(edgeElement));
    return added;
  }

  /** Hop distance of every drawn node from the centre (over drawn edges, in either direction). */
  function distancesFrom(centerId) {
    const cy = state.cy;
    const distance = new Map([[centerId, 0]]);
    const queue = [centerId];
    while (queue.length) {
      const id = queue.shift();
      cy.getElementById(id)
        .neighborhood('node')
        .forEach((neighbour) => {
          if (!distance.has(neighbour.id())) {
            distance.set(neighbour.id(), distance.get(id) + 1);
            queue.push(neighbour.id());
          }
        });
    }
    return distance;
  }

  /** Concentric rings around the centre: one ring per hop, large rings split, nodes grouped by kind. */
  function layoutAroundCentre() {
    const cy = state.cy;
    const distance = distancesFrom(state.centerId);
    const byDistance = new Map();
    cy.nodes().forEach((node) => {
      const d = distance.has(node.id()) ? distance.get(node.id()) : 99;
      if (!byDistance.has(d)) byDistance.set(d, []);
      byDistance.get(d).push(node);
    });
    const level = new Map();
    let ring = 0;
    for (const d of [...byDistance.keys()].sort((a, b) => a - b)) {
      const nodes = byDistance.get(d).sort((a, b) => {
        const kind = String(a.data('kind')).localeCompare(String(b.data('kind')));
        return kind || String(a.data('label')).localeCompare(String(b.data('label')));
      });
      let index = 0;
      while (index < nodes.length) {
        const capacity = ring === 0 ? 1 : 14 + ring * 8;
        for (const node of nodes.slice(index, index + capacity)) level.set(node.id(), 1000 - ring);
        index += capacity;
        ring += 1;
      }
    }
    cy.layout({
      name: 'concentric',
      concentric: (node) => level.get(node.id()) || 0,
      levelWidth: () => 1,
      minNodeSpacing: 28,
      avoidOverlap: true,
      animate: false,
      fit: true,
      padding: 40,
    }).run();
    // A small neighbourhood would otherwise be blown up to fill the view, with huge labels.
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
  }

  /**
   * New nodes in a fan beyond the node they were reached from, facing away from the centre of the graph (or from
   * the middle of the drawing when the centre itself is expanded), so that they land in free space.
   */
  function placeAround(anchor, added) {
    if (added.empty()) return;
    const cy = state.cy;
    const origin = anchor.position();
    let from = null;
    const centre = state.centerId ? cy.getElementById(state.centerId) : null;
    if (centre && centre.nonempty() && centre.id() !== anchor.id()) from = centre.position();
    else {
      const others = cy.nodes().difference(added).difference(anchor);
      if (others.nonempty()) {
        const box = others.boundingBox();
        from = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
      }
    }
    const direction =
      from && Math.hypot(origin.x - from.x, origin.y - from.y) > 1 ? Math.atan2(origin.y - from.y, origin.x - from.x) : -Math.PI / 2;
    const count = added.length;
    const spread = count === 1 ? 0 : Math.min(Math.PI * 0.9, (count - 1) * 0.3);
    const radius = Math.max(150, count === 1 ? 0 : (count * 42) / spread);
    added.forEach((node, index) => {
      const angle = count === 1 ? direction : direction - spread / 2 + (spread * index) / (count - 1);
      node.position({ x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) });
    });
  }

  // ---------------------------------------------------------------------------------------------- actions

  /** Replaces the graph with the neighbourhood of `id`. */
  async function recentre(id, { push = false, replace = false } = {}) {
    const generation = ++state.generation;
    state.expanding.clear();
    setPhase('loading');
    showStatus('Loading the neighbourhood…', 'busy');
    $('hint').hidden = true;
    let subgraph;
    try {
      subgraph = await fetchNeighbourhood(id, state.depth);
    } catch (error) {
      if (generation !== state.generation) return;
      setPhase('error');
      showStatus(error.message, 'error');
      if (state.cy.nodes().empty()) $('hint').hidden = false;
      return;
    }
    if (generation !== state.generation) return;

    const cy = state.cy;
    cy.batch(() => {
      cy.elements().remove();
      addSubgraph(subgraph);
    });
    state.centerId = subgraph.center.id;
    state.centerLabel = subgraph.center.label;
    state.truncated = subgraph.truncated;
    state.expanded = new Set([subgraph.center.id]);
    const center = cy.getElementById(subgraph.center.id);
    center.addClass('center expanded');
    layoutAroundCentre();

    updateUrl(id, { push, replace });
    updateGraphiqlLink();
    renderLegend();
    reportCounts();
    setPhase('ready');
    selectNode(subgraph.center.id);
  }

  /** Adds the neighbourhood (one hop) of a drawn node to the graph. */
  function expandNode(id) {
    if (state.expanded.has(id)) return Promise.resolve();
    if (state.expanding.has(id)) return state.expanding.get(id);
    const generation = state.generation;
    const node = state.cy.getElementById(id);
    node.addClass('loading');
    setPhase('loading');
    const work = fetchNeighbourhood(id, 1)
      .then((subgraph) => {
        if (generation !== state.generation) return;
        const anchor = state.cy.getElementById(id);
        if (anchor.empty()) return;
        const added = addSubgraph(subgraph);
        placeAround(anchor, added);
        anchor.addClass('expanded');
        state.expanded.add(id);
        if (subgraph.truncated) state.truncated = true;
        state.cy.animate({ fit: { eles: state.cy.elements(':visible'), padding: 40 } }, { duration: 250 });
        renderLegend();
        reportCounts(added.length ? `+${added.length} from ${anchor.data('label')}` : `${anchor.data('label')}: no new neighbours`);
      })
      .catch((error) => {
        if (generation === state.generation) showStatus(error.message, 'error');
      })
      .finally(() => {
        state.expanding.delete(id);
        const anchor = state.cy.getElementById(id);
        if (anchor.nonempty()) anchor.removeClass('loading');
        if (generation === state.generation && state.expanding.size === 0) setPhase('ready');
      });
    state.expanding.set(id, work);
    return work;
  }

  function reportCounts(extra) {
    const cy = state.cy;
    const parts = [
      `${cy.nodes().length} nodes · ${cy.edges().length} edges around ${state.centerLabel}`,
      extra,
      state.truncated ? `some neighbourhoods were cut at ${LIMIT} nodes` : null,
    ].filter(Boolean);
    showStatus(parts.join(' — '), state.truncated ? 'warning' : 'info');
    $('cy').dataset.nodeCount = String(cy.nodes().length);
    $('cy').dataset.edgeCount = String(cy.edges().length);
  }

  // ---------------------------------------------------------------------------------------------- side panel

  let detailsRequest = 0;

  async function selectNode(id) {
    const cy = state.cy;
    const element = cy.getElementById(id);
    cy.elements(':selected').unselect();
    if (element.nonempty()) element.select();
    state.selectedId = id;
    $('recenter').disabled = id === state.centerId;

    const panel = $('details');
    const request = ++detailsRequest;
    const kind = element.nonempty() ? element.data('kind') : null;
    const label = element.nonempty() ? element.data('label') : id;
    panel.replaceChildren(
      h('h2', { className: 'entity-title' }, label),
      kind ? h('p', { className: 'entity-kind' }, swatch(kind), KIND_NAME[kind] || kind) : null,
      h('p', { className: 'muted' }, 'Loading…'),
    );
    let node;
    try {
      const { data } = await gql(DETAILS_QUERY, { id });
      node = data.node;
    } catch (error) {
      if (request === detailsRequest) panel.lastChild.replaceWith(h('p', { className: 'error' }, error.message));
      return;
    }
    if (request !== detailsRequest) return;
    if (!node) {
      panel.lastChild.replaceWith(h('p', { className: 'error' }, 'This entity no longer exists.'));
      return;
    }
    panel.replaceChildren(...renderEntity(node));
  }

  function renderEntity(node) {
    const properties = node.properties || [];
    const provenance = node.provenance || [];
    const isCentre = node.id === state.centerId;
    return [
      h('h2', { className: 'entity-title' }, node.label),
      h('p', { className: 'entity-kind' }, swatch(node.kind), KIND_NAME[node.kind] || node.kind),
      h(
        'div',
        { className: 'entity-actions' },
        isCentre
          ? h('span', { className: 'muted' }, 'Centre of the graph')
          : h('button', { type: 'button', onclick: () => recentre(node.id, { push: true }) }, 'Re-centre here'),
      ),
      h('h3', {}, 'Properties'),
      properties.length
        ? h(
            'dl',
            { className: 'properties' },
            properties.map((property) => [h('dt', {}, property.name), h('dd', {}, property.value)]),
          )
        : h('p', { className: 'muted' }, 'No properties.'),
      h('h3', {}, `Provenance (${provenance.length})`),
      provenance.length ? h('ol', { className: 'provenance' }, provenance.map(renderProvenance)) : h('p', { className: 'muted' }, 'No provenance recorded.'),
      h('p', { className: 'entity-id' }, 'ID ', h('code', {}, node.id)),
    ];
  }

  function renderProvenance(item) {
    const source = item.source || {};
    const title = source.title || 'Untitled source';
    const url = safeUrl(source.url);
    return h(
      'li',
      {},
      h(
        'div',
        { className: 'provenance-source' },
        url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, title) : title,
        h('span', { className: `confidence confidence-${String(item.confidence).toLowerCase()}` }, item.confidence),
      ),
      item.quote ? h('blockquote', {}, item.quote) : null,
      item.rawLabel ? h('p', { className: 'provenance-note' }, 'Source wording: ', h('q', {}, item.rawLabel)) : null,
      item.note ? h('p', { className: 'provenance-note' }, item.note) : null,
    );
  }

  function safeUrl(url) {
    if (!url) return null;
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch {
      return null;
    }
  }

  function selectEdge(edge) {
    detailsRequest += 1;
    state.selectedId = null;
    $('recenter').disabled = true;
    const source = edge.source();
    const target = edge.target();
    const qualifiers = edge.data('qualifiers') || [];
    const endpoint = (node) =>
      h('button', { type: 'button', className: 'link', onclick: () => selectNode(node.id()) }, swatch(node.data('kind')), node.data('label'));
    $('details').replaceChildren(
      h('h2', { className: 'entity-title' }, edge.data('type')),
      h('p', { className: 'entity-kind' }, 'Relationship'),
      h('p', { className: 'edge-ends' }, endpoint(source), ' → ', endpoint(target)),
      h('h3', {}, 'Qualifiers'),
      qualifiers.length
        ? h('dl', { className: 'properties' }, qualifiers.map((q) => [h('dt', {}, q.name), h('dd', {}, q.value)]))
        : h('p', { className: 'muted' }, 'None.'),
      h('p', { className: 'entity-id' }, 'ID ', h('code', {}, edge.data('edgeId'))),
    );
  }

  // ---------------------------------------------------------------------------------------------- legend

  function renderLegend() {
    const counts = new Map();
    state.cy.nodes().forEach((node) => counts.set(node.data('kind'), (counts.get(node.data('kind')) || 0) + 1));
    $('legend').replaceChildren(
      h('h2', { className: 'visually-hidden' }, 'Legend'),
      h(
        'ul',
        {},
        KINDS.map(([kind, name]) => {
          const count = counts.get(kind) || 0;
          const hidden = state.hiddenKinds.has(kind);
          return h(
            'li',
            { className: [count ? '' : 'absent', hidden ? 'hidden-kind' : ''].join(' ').trim() || null, dataset: { kind } },
            h(
              'button',
              {
                type: 'button',
                title: hidden ? `Show ${name.toLowerCase()} nodes` : `Hide ${name.toLowerCase()} nodes`,
                'aria-pressed': String(!hidden),
                onclick: () => toggleKind(kind),
              },
              swatch(kind),
              name,
              count ? h('span', { className: 'count' }, String(count)) : null,
            ),
          );
        }),
      ),
    );
  }

  function toggleKind(kind) {
    if (state.hiddenKinds.has(kind)) state.hiddenKinds.delete(kind);
    else state.hiddenKinds.add(kind);
    const hidden = state.hiddenKinds.has(kind);
    state.cy.nodes().filter((node) => node.data('kind') === kind).toggleClass('kind-hidden', hidden);
    renderLegend();
  }

  // ---------------------------------------------------------------------------------------------- URL and links

  function updateUrl(id, { push, replace }) {
    const url = new URL(window.location.href);
    url.searchParams.set('id', id);
    if (state.depth !== 1) url.searchParams.set('depth', String(state.depth));
    else url.searchParams.delete('depth');
    if (url.href === window.location.href) return;
    if (push) window.history.pushState({ id }, '', url);
    else if (replace) window.history.replaceState({ id }, '', url);
  }

  function updateGraphiqlLink() {
    const link = $('open-graphiql');
    if (!state.centerId) {
      link.href = '/graphiql';
      return;
    }
    const params = new URLSearchParams({
      query: NEIGHBOURHOOD_QUERY,
      variables: JSON.stringify({ id: state.centerId, depth: state.depth, limit: LIMIT }),
    });
    link.href = `/graphiql?${params}`;
  }

  // ---------------------------------------------------------------------------------------------- search

  let searchSequence = 0;
  let searchTimer = null;
  let results = [];
  let resultsFor = null;
  let activeResult = -1;

  function searchKey() {
    return `${$('search-kind').value}|${$('search-input').value.trim()}`;
  }

  function scheduleSearch() {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(runSearch, 250);
  }

  async function runSearch() {
    clearTimeout(searchTimer);
    const text = $('search-input').value.trim();
    const kind = $('search-kind').value;
    const key = searchKey();
    const sequence = ++searchSequence;
    if (text.length < 2) {
      closeResults();
      return;
    }
    try {
      const { data } = await gql(SEARCH_QUERY, { query: text, kinds: kind ? [kind] : null, first: SEARCH_FIRST });
      if (sequence !== searchSequence) return;
      results = data.search.edges.map((edge) => edge.node);
      resultsFor = key;
      renderResults(data.search.totalCount, text);
    } catch (error) {
      if (sequence !== searchSequence) return;
      results = [];
      resultsFor = null;
      $('search-results').replaceChildren(h('li', { className: 'error' }, error.message));
      $('search-results').hidden = false;
    }
  }

  function renderResults(totalCount, text) {
    const list = $('search-results');
    activeResult = results.length ? 0 : -1;
    if (!results.length) {
      list.replaceChildren(h('li', { className: 'muted' }, `Nothing matches “${text}”.`));
    } else {
      list.replaceChildren(
        ...results.map((node, index) =>
          h(
            'li',
            { role: 'option', id: `result-${index}`, className: index === activeResult ? 'active' : null, dataset: { id: node.id } },
            h(
              'button',
              { type: 'button', onclick: () => pickResult(index), onmouseenter: () => highlightResult(index) },
              swatch(node.kind),
              h('span', { className: 'result-label' }, node.label),
              h('span', { className: 'result-kind' }, KIND_NAME[node.kind] || node.kind),
            ),
          ),
        ),
        totalCount > results.length ? h('li', { className: 'muted more' }, `${totalCount - results.length} more — refine the search`) : null,
      );
    }
    list.hidden = false;
  }

  function highlightResult(index) {
    activeResult = index;
    document.querySelectorAll('#search-results li[role="option"]').forEach((item, i) => item.classList.toggle('active', i === index));
  }

  function pickResult(index) {
    const node = results[index];
    if (!node) return;
    closeResults();
    $('search-input').blur();
    recentre(node.id, { push: true });
  }

  function closeResults() {
    $('search-results').hidden = true;
    activeResult = -1;
  }

  // ---------------------------------------------------------------------------------------------- start

  function readUrl() {
    const params = new URLSearchParams(window.location.search);
    const depth = Number(params.get('depth'));
    return { id: params.get('id') || null, depth: depth === 2 ? 2 : 1 };
  }

  function showStart() {
    state.generation += 1;
    state.centerId = null;
    state.cy.elements().remove();
    $('hint').hidden = false;
    $('details').replaceChildren(h('p', { className: 'muted' }, 'Nothing selected.'));
    $('recenter').disabled = true;
    updateGraphiqlLink();
    renderLegend();
    showStatus('');
    setPhase('idle');
    $('search-input').focus();
  }

  function start() {
    for (const [kind, name] of KINDS) $('search-kind').append(h('option', { value: kind }, name));
    try {
      state.cy = createCy();
    } catch (error) {
      showStatus(error.message, 'error');
      setPhase('error');
      return;
    }
    window.geocoopExplorer = { state, recentre, expandNode, selectNode };

    const input = $('search-input');
    input.addEventListener('input', scheduleSearch);
    input.addEventListener('keydown', (event) => {
      if ($('search-results').hidden) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        if (results.length) highlightResult((activeResult + step + results.length) % results.length);
      } else if (event.key === 'Escape') {
        closeResults();
      }
    });
    $('search-kind').addEventListener('change', () => input.value.trim() && runSearch());
    $('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      // Enter picks the highlighted result when the list shows the results for what is typed; else it searches now.
      if (!$('search-results').hidden && activeResult >= 0 && resultsFor === searchKey()) pickResult(activeResult);
      else runSearch();
    });
    document.addEventListener('click', (event) => {
      if (!$('search-form').contains(event.target)) closeResults();
    });

    $('depth').addEventListener('change', () => {
      state.depth = Number($('depth').value) === 2 ? 2 : 1;
      if (state.centerId) recentre(state.centerId, { replace: true });
    });
    $('recenter').addEventListener('click', () => {
      if (state.selectedId && state.selectedId !== state.centerId) recentre(state.selectedId, { push: true });
    });
    $('fit').addEventListener('click', () => state.cy.animate({ fit: { eles: state.cy.elements(':visible'), padding: 40 } }, { duration: 250 }));
    window.addEventListener('popstate', () => {
      const { id, depth } = readUrl();
      state.depth = depth;
      $('depth').value = String(depth);
      if (id) recentre(id);
      else showStart();
    });

    const { id, depth } = readUrl();
    state.depth = depth;
    $('depth').value = String(depth);
    renderLegend();
    if (id) recentre(id, { replace: true });
    else showStart();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
