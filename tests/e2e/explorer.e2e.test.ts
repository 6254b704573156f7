/**
 * End to end: the visual explorer at /explore, in a real headless Chromium against the real server. Node counts
 * are checked against what the API itself returns for the same neighbourhood query. Fails on any request leaving
 * the server's origin and on any console error.
 */
import type { Page } from 'playwright-core';
import { screenshot } from '../helpers/browser';
import { postGraphql } from '../helpers/testServer';
import { browserSession } from './session';
import { waitUntilSettled } from './explorerPage';

// ---------------------------------------------------------------------------------------------------- explorer

/** The explorer's own defaults: one hop, at most 100 entities. */
const DEPTH = 1;
const LIMIT = 100;
const NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $depth: Int, $limit: Int) {
  neighbourhood(id: $id, depth: $depth, limit: $limit) {
    center { id kind label }
    nodes { id kind label }
    edges { id source target }
    truncated
  }
}`;

interface ApiSubgraph {
  center: { id: string; kind: string; label: string };
  nodes: Array<{ id: string; kind: string; label: string }>;
  edges: Array<{ id: string; source: string; target: string }>;
}

async function apiNeighbourhood(url: string, id: string): Promise<{ subgraph: ApiSubgraph; nodeIds: Set<string> }> {
  const { body } = await postGraphql(url, NEIGHBOURHOOD, { id, depth: DEPTH, limit: LIMIT });
  expect(body.errors).toBeUndefined();
  const subgraph = body.data.neighbourhood as ApiSubgraph;
  return { subgraph, nodeIds: new Set([subgraph.center.id, ...subgraph.nodes.map((node) => node.id)]) };
}

/** CGS's global ID as the API gives it: found by searching, else the readable form the server also accepts. */
async function cgsId(url: string): Promise<string> {
  const { body } = await postGraphql(url, 'query($q: String!) { search(query: $q, first: 10) { edges { node { id label } } } }', { q: 'CGS' });
  const hit = (body.data?.search.edges ?? []).find((edge: any) => /China Geological Survey/i.test(edge.node.label));
  if (hit) return hit.node.id;
  const { body: node } = await postGraphql(url, 'query { node(id: "Organization:cgs") { id } }');
  return node.data.node.id;
}

const graphState = (page: Page) =>
  page.evaluate(() => {
    const { state } = (window as any).geocoopExplorer;
    return {
      nodes: [...state.model.nodes.keys()] as string[],
      edges: state.model.edges.size as number,
      drawn: state.cy.nodes().map((node: any) => node.id()) as string[],
      center: state.centerId as string | null,
      selected: state.selectedId as string | null,
    };
  });

/** Where a drawn node is on the page, when it is visible and nothing (legend, status…) covers it. */
function clickablePoints(page: Page, ids: string[]): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate((candidates) => {
    const { cy } = (window as any).geocoopExplorer.state;
    const container = cy.container() as HTMLElement;
    const box = container.getBoundingClientRect();
    const points: Record<string, { x: number; y: number }> = {};
    for (const id of candidates) {
      const node = cy.getElementById(id);
      if (node.empty() || !node.visible()) continue;
      const position = node.renderedPosition();
      const x = box.left + position.x;
      const y = box.top + position.y;
      if (x < box.left + 5 || y < box.top + 5 || x > box.right - 5 || y > box.bottom - 5) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !container.contains(hit)) continue;
      // No other node may sit on the same spot.
      const crowded = cy.nodes().some((other: any) => {
        if (other.id() === id) return false;
        const p = other.renderedPosition();
        return Math.hypot(p.x - position.x, p.y - position.y) < 30;
      });
      if (!crowded) points[id] = { x, y };
    }
    return points;
  }, ids);
}

describe('visual explorer at /explore', () => {
  const session = browserSession();
  let cgs: string;

  beforeAll(async () => {
    cgs = await cgsId(session.server.url);
  });

  it('starts with the search box and a hint, and shows a search result’s neighbourhood', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/explore`);
    await expect(page.locator('#hint').isVisible()).resolves.toBe(true);
    await expect(page.locator('#search-input').isVisible()).resolves.toBe(true);

    await page.fill('#search-input', 'CGS');
    const option = page.locator('#search-results li[role="option"]', { hasText: /China Geological Survey/i }).first();
    await option.waitFor({ timeout: 30_000 });
    const id = await option.getAttribute('data-id');
    expect(id).toBe(cgs);
    await option.locator('button').click();
    await waitUntilSettled(page);

    const { nodeIds } = await apiNeighbourhood(session.server.url, cgs);
    const drawn = await graphState(page);
    expect(drawn.center).toBe(cgs);
    expect(new Set(drawn.nodes)).toEqual(nodeIds);
    await expect(page.locator('#hint').isVisible()).resolves.toBe(false);
    expect(new URL(page.url()).searchParams.get('id')).toBe(cgs);
  });

  it('renders the neighbourhood of CGS with as many nodes as the API returns, and expands a clicked node', async () => {
    const { page } = session.browser;
    const { subgraph, nodeIds } = await apiNeighbourhood(session.server.url, cgs);
    expect(nodeIds.size).toBeGreaterThan(1);

    await page.goto(`${session.server.url}/explore?${new URLSearchParams({ id: cgs })}`);
    await waitUntilSettled(page);
    const before = await graphState(page);
    expect(before.nodes).toHaveLength(nodeIds.size);
    expect(new Set(before.nodes)).toEqual(nodeIds);
    expect(before.edges).toBe(subgraph.edges.length);

    // Legend: one entry per kind, with the number of drawn nodes of that kind.
    const kindCounts = new Map<string, number>();
    for (const node of [subgraph.center, ...subgraph.nodes.filter((node) => node.id !== subgraph.center.id)]) {
      kindCounts.set(node.kind, (kindCounts.get(node.kind) ?? 0) + 1);
    }
    for (const [kind, count] of kindCounts) {
      await expect(page.locator(`#legend li[data-kind="${kind}"] .count`).textContent()).resolves.toBe(String(count));
    }
    // The side panel shows the centre with its properties and provenance.
    await expect(page.locator('#details h2').first().textContent()).resolves.toBe(subgraph.center.label);
    await page.locator('#details h3', { hasText: 'Provenance' }).waitFor();

    // "Open in GraphiQL" carries the same neighbourhood query and variables.
    const href = (await page.locator('#open-graphiql').getAttribute('href'))!;
    const link = new URL(href, session.server.url);
    expect(link.pathname).toBe('/graphiql');
    expect(link.searchParams.get('query')).toContain('neighbourhood(id: $id, depth: $depth, limit: $limit)');
    expect(JSON.parse(link.searchParams.get('variables')!)).toEqual({ id: cgs, depth: DEPTH, limit: LIMIT });
    expect(link.searchParams.get('run')).toBe('1');
    await expect(page.locator('#open-graphiql').getAttribute('target')).resolves.toBe('_blank');

    // Expand: click a drawn node whose own neighbourhood (per the API) holds entities not drawn yet.
    const candidates = subgraph.nodes.map((node) => node.id).filter((id) => id !== cgs);
    const points = await clickablePoints(page, candidates);
    let target: { id: string; expected: Set<string> } | undefined;
    for (const id of Object.keys(points)) {
      const around = await apiNeighbourhood(session.server.url, id);
      const union = new Set([...nodeIds, ...around.nodeIds]);
      if (union.size > nodeIds.size) {
        target = { id, expected: union };
        break;
      }
    }
    expect(target).toBeDefined();
    await page.mouse.click(points[target!.id].x, points[target!.id].y);
    await page.waitForFunction((count) => (window as any).geocoopExplorer.state.model.nodes.size === count, target!.expected.size, {
      timeout: 30_000,
    });
    await waitUntilSettled(page);
    const after = await graphState(page);
    expect(after.nodes.length).toBeGreaterThan(before.nodes.length);
    expect(new Set(after.nodes)).toEqual(target!.expected);
    expect(after.selected).toBe(target!.id);
    expect(after.center).toBe(cgs);
    await page.locator('#details h3', { hasText: 'Properties' }).waitFor();
    await screenshot(page, 'explorer.png');
  });

  it('re-centres on a double-clicked node', async () => {
    const { page } = session.browser;
    const { subgraph } = await apiNeighbourhood(session.server.url, cgs);
    await page.goto(`${session.server.url}/explore?${new URLSearchParams({ id: cgs })}`);
    await waitUntilSettled(page);

    const points = await clickablePoints(page, subgraph.nodes.map((node) => node.id).filter((id) => id !== cgs));
    const [id] = Object.keys(points);
    expect(id).toBeDefined();
    const expected = (await apiNeighbourhood(session.server.url, id)).nodeIds;
    await page.mouse.dblclick(points[id].x, points[id].y);
    await page.waitForFunction((centre) => (window as any).geocoopExplorer.state.centerId === centre, id, { timeout: 30_000 });
    await waitUntilSettled(page);
    const drawn = await graphState(page);
    expect(new Set(drawn.nodes)).toEqual(expected);
    expect(new URL(page.url()).searchParams.get('id')).toBe(id);
  });
});
