/**
 * End to end: the explorer's timeline and map views and the downloads of the current subgraph (SVG, the selected
 * entity's relationships as CSV, the server's JSON-LD and GraphML), in a real Chromium against the real server,
 * with what is shown checked against the API. Fails on any request leaving the server's origin and on any
 * console error; axe-core finds no serious or critical violation with either view open.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { screenshot, seriousAccessibilityViolations } from '../helpers/browser';
import { postGraphql } from '../helpers/testServer';
import { countClass } from '../../web/explorer/src/geo';
import { entityId, waitUntilSettled } from './explorerPage';
import { browserSession } from './session';

const DATED_NEIGHBOURHOOD = `query($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 100) {
  nodes { id kind label entity { ... on Event { year } ... on Organization { foundedYear } ... on Country { key } } }
  edges { id type source target qualifiers { name value } }
} }`;

interface ApiNeighbourhood {
  nodes: Array<{ id: string; kind: string; label: string; entity: { year?: number | null; foundedYear?: number | null; key?: string } }>;
  edges: Array<{ id: string; type: string; source: string; target: string; qualifiers: Array<{ name: string; value: string }> }>;
}

/** The years of the neighbourhood's dated facts as the API states them: events, foundings, dated relationships. */
function datedYears(api: ApiNeighbourhood): number[] {
  const years = api.nodes.flatMap((node) => [node.kind === 'EVENT' ? node.entity.year : null, node.entity.foundedYear]);
  for (const edge of api.edges) {
    for (const { name, value } of edge.qualifiers) {
      if (['startDate', 'start', 'since', 'endDate', 'end', 'until', 'date', 'year'].includes(name) && /^\d{4}(-\d{2}){0,2}$/.test(value)) years.push(Number(value.slice(0, 4)));
    }
  }
  return years.filter((year): year is number => typeof year === 'number').sort((a, b) => a - b);
}

async function download(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

describe('the explorer’s timeline, map and subgraph downloads', () => {
  const session = browserSession();
  let cgs: string;
  let api: ApiNeighbourhood;

  beforeAll(async () => {
    cgs = await entityId(session.server.url, 'CGS', /China Geological Survey/);
    const { body } = await postGraphql(session.server.url, DATED_NEIGHBOURHOOD, { id: cgs });
    api = body.data.neighbourhood;
  });

  it('puts the dated facts of the graph on a timeline whose year filter changes what is shown', async () => {
    const { page } = session.browser;
    const years = datedYears(api);
    expect(years.length).toBeGreaterThan(2);
    await page.goto(`${session.server.url}/explore?${new URLSearchParams({ id: cgs })}`);
    await waitUntilSettled(page);
    await page.locator('#timeline-toggle').click();
    await expect(page.locator('#timeline-toggle').getAttribute('aria-expanded')).resolves.toBe('true');
    const shownYears = () => page.locator('#timeline-list .timeline-item').evaluateAll((items) => items.map((item) => Number((item as HTMLElement).dataset.year)));
    await expect(shownYears()).resolves.toEqual(years);
    await expect(page.locator('#timeline-view svg.timeline-chart circle.dot').count()).resolves.toBe(years.length);
    // CGS's move from the Ministry of Land and Resources to the Ministry of Natural Resources (2018-03-19).
    await expect(page.locator('#timeline-list .timeline-item', { hasText: 'PART_OF ends' }).textContent()).resolves.toContain('2018-03-19');
    await screenshot(page, 'explorer-timeline.png');

    const middle = years[Math.floor(years.length / 2)];
    await page.selectOption('#timeline-from', String(middle));
    await expect(shownYears()).resolves.toEqual(years.filter((year) => year >= middle));
    await page.selectOption('#timeline-to', String(middle));
    await expect(shownYears()).resolves.toEqual(years.filter((year) => year === middle));
    await expect(page.locator('#timeline-count').textContent()).resolves.toBe(`${years.filter((year) => year === middle).length} of ${years.length} dated facts shown`);
    await expect(page.locator('#timeline-view svg.timeline-chart circle.dot').count()).resolves.toBe(years.filter((year) => year === middle).length);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Picking an item selects its entity in the side panel.
    const first = page.locator('#timeline-list .timeline-item button').first();
    await first.click();
    await page.locator('#details h3', { hasText: 'Properties' }).waitFor();
  });

  it('colours China on the world map by the relationships of the graph that involve it, with a legend and labels', async () => {
    const { page } = session.browser;
    const china = api.nodes.find((node) => node.kind === 'COUNTRY' && node.entity.key === 'CN');
    expect(china).toBeDefined();
    const chinaRelationships = api.edges.filter((edge) => edge.source === china!.id || edge.target === china!.id).length;
    expect(chinaRelationships).toBeGreaterThan(0);
    const countries = api.nodes.filter((node) => node.kind === 'COUNTRY');

    await page.goto(`${session.server.url}/explore?${new URLSearchParams({ id: cgs })}`);
    await waitUntilSettled(page);
    await page.locator('#map-toggle').click();
    await page.locator('#map-view[data-state="ready"]').waitFor({ timeout: 30_000 });
    const shape = page.locator('#map-view path.country[data-code="CN"]');
    await expect(shape.getAttribute('data-count')).resolves.toBe(String(chinaRelationships));
    const colour = countClass(chinaRelationships).colour;
    await expect(shape.getAttribute('fill')).resolves.toBe(colour);
    await expect(shape.getAttribute('aria-label')).resolves.toBe(`${china!.label}: ${chinaRelationships} relationship${chinaRelationships === 1 ? '' : 's'} in the current graph`);
    await expect(page.locator(`#map-legend li[data-colour="${colour}"]`).count()).resolves.toBe(1);
    await expect(page.locator('#map-view path.country.in-graph').count()).resolves.toBe(countries.length);
    await expect(page.locator('#map-view path.country').count()).resolves.toBeGreaterThan(200);
    await expect(page.locator('#map-table tbody tr').count()).resolves.toBe(countries.length);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The README's picture: CCOP's member countries across East and Southeast Asia.
    await page.goto(`${session.server.url}/explore?${new URLSearchParams({ id: await entityId(session.server.url, 'CCOP', /^CCOP/) })}`);
    await waitUntilSettled(page);
    await page.locator('#map-toggle').click();
    await page.locator('#map-view[data-state="ready"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#map-view path.country.in-graph').count()).toBeGreaterThanOrEqual(5);
    await screenshot(page, 'explorer-map.png');

    // On a phone, the map and the timeline fit the screen's width.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const view of ['map', 'timeline']) {
      if (view === 'timeline') await page.locator('#timeline-toggle').click();
      await expect(page.locator(`#${view}-view`).isVisible()).resolves.toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const box = (await page.locator(`#${view}-view`).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
  });

  it('downloads the drawing as SVG, the selected entity’s relationships as CSV, and the subgraph as JSON-LD and GraphML', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/explore?${new URLSearchParams({ id: cgs })}`);
    await waitUntilSettled(page);
    const model = await page.evaluate(() => {
      const { state } = (window as any).geocoopExplorer;
      return { nodes: [...state.model.nodes.keys()] as string[], edges: [...state.model.edges.keys()] as string[], labels: state.cy.nodes().map((node: any) => node.data('label')) as string[] };
    });
    expect(new Set(model.nodes)).toEqual(new Set(api.nodes.map((node) => node.id)));

    // The selected entity's relationships: China, whose relationships in the graph the API tells.
    const china = api.nodes.find((node) => node.kind === 'COUNTRY' && node.entity.key === 'CN')!;
    const expected = api.edges.filter((edge) => edge.source === china.id || edge.target === china.id);
    await page.evaluate((id) => (window as any).geocoopExplorer.selectNode(id), china.id);
    await page.locator('#node-relationships-table').waitFor();
    await expect(page.locator('#node-relationships-table tbody tr').count()).resolves.toBe(expected.length);
    const csv = await download(page, '#details button[data-download="node-relationships-csv"]');
    expect(csv.name).toBe('China-relationships.csv');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,type,direction,other,other kind,qualifiers');
    expect(lines.slice(1).map((line) => line.split(',')[0]).sort()).toEqual(expected.map((edge) => edge.id).sort());
    for (const edge of expected) {
      const line = lines.find((candidate) => candidate.startsWith(`${edge.id},`))!;
      expect(line.split(',').slice(1, 3)).toEqual([edge.type, edge.target === china.id ? 'incoming' : 'outgoing']);
    }

    await page.locator('#table-toggle').click();
    const svg = await download(page, '#table-view button[data-download="svg"]');
    expect(svg.name).toBe('graph.svg');
    expect(svg.text).toMatch(/<svg[\s>]/);
    expect(svg.text).toContain('</svg>');
    const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(svg.text).toContain(`>${escapeXml(model.labels.find((label) => label.length > 2)!)}<`);

    const jsonld = await download(page, '#table-view a[data-download="jsonld"]');
    expect(jsonld.name).toBe('geocoop-subgraph.jsonld');
    const document = JSON.parse(jsonld.text);
    expect(document['@context']).toBe(`${session.server.url}/context.jsonld`);
    const graph: any[] = document['@graph'];
    const entityIds = new Set(graph.filter((item) => item.identifier && item.type !== 'Statement').map((item) => item.identifier));
    expect(entityIds).toEqual(new Set(model.nodes));
    const statementIds = new Set(graph.filter((item) => item.type === 'Statement').map((item) => item.identifier));
    for (const id of model.edges) expect(statementIds.has(id)).toBe(true);

    const graphml = await download(page, '#table-view a[data-download="graphml"]');
    expect(graphml.name).toBe('geocoop-subgraph.graphml');
    expect(graphml.text).toContain('<graphml');
    expect(graphml.text.match(/<node /g)?.length).toBe(model.nodes.length);
    // Depth 0 keeps every relationship among the entities: the ones drawn, and any the neighbourhood left out.
    expect(graphml.text.match(/<edge /g)?.length).toBeGreaterThanOrEqual(model.edges.length);
    for (const id of model.edges.slice(0, 5)) expect(graphml.text).toContain(id);
  });
});
