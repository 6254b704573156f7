/**
 * End to end: what makes the explorer's graph readable and shareable, in a real Chromium against the real server:
 * bundles of parallel relationships, edge labels on demand, relationship provenance, kinds that stay hidden, pin,
 * hide and collapse, the state in the URL and "Open in GraphiQL" running the same query in a new tab. Fails on
 * any request leaving the server's origin and on any console error.
 */
import fs from 'node:fs';
import { screenshot } from '../helpers/browser';
import { postGraphql } from '../helpers/testServer';
import { browserSession } from './session';
import { kindName } from '../../web/explorer/src/kinds';
import { drawnNodes, entityId, waitUntilSettled } from './explorerPage';

const NEIGHBOURHOOD_EDGES = `query($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 100) {
  nodes { id kind } edges { id type source target }
} }`;

describe('the explorer’s graph', () => {
  const session = browserSession();
  let cgs: string;
  let ccop: string;

  beforeAll(async () => {
    cgs = await entityId(session.server.url, 'CGS', /China Geological Survey/);
    ccop = await entityId(session.server.url, 'CCOP', /^CCOP/);
  });

  it('bundles the member countries of CCOP into one “N × MEMBER_OF” node that expands on click', async () => {
    const { page } = session.browser;
    const { body } = await postGraphql(session.server.url, NEIGHBOURHOOD_EDGES, { id: ccop });
    const memberOf = new Set(
      body.data.neighbourhood.edges.filter((edge: any) => edge.type === 'MEMBER_OF' && edge.target === ccop).map((edge: any) => edge.source),
    );
    expect(memberOf.size).toBeGreaterThanOrEqual(5);

    await page.goto(`${session.server.url}/explore?${new URLSearchParams({ id: ccop })}`);
    await waitUntilSettled(page);
    const bundle = await page.evaluate(() => {
      const node = (window as any).geocoopExplorer.state.cy.nodes('.bundle').first();
      return node.empty() ? null : { id: node.id(), label: node.data('label') as string };
    });
    expect(bundle).not.toBeNull();
    const members: string[] = await page.evaluate(
      (id) => (window as any).geocoopExplorer.state.view.nodes.find((node: any) => node.id === id).bundle.memberIds,
      bundle!.id,
    );
    expect(bundle!.label).toBe(`${members.length} × MEMBER_OF`);
    expect(members.length).toBeGreaterThanOrEqual(5);
    for (const member of members) expect(memberOf.has(member)).toBe(true);
    const drawnBefore = new Set((await drawnNodes(page)).map((node) => node.id));
    for (const member of members) expect(drawnBefore.has(member)).toBe(false);
    await screenshot(page, 'explorer-bundles.png');

    // Clicking the bundle on the canvas selects it; the panel's button draws its members one by one.
    const point = await page.evaluate((id) => {
      const { cy } = (window as any).geocoopExplorer.state;
      const box = cy.container().getBoundingClientRect();
      const position = cy.getElementById(id).renderedPosition();
      return { x: box.left + position.x, y: box.top + position.y };
    }, bundle!.id);
    await page.mouse.click(point.x, point.y);
    await page.locator('#details button[data-action="open-bundle"]').click();
    await waitUntilSettled(page);
    const drawnAfter = new Set((await drawnNodes(page)).map((node) => node.id));
    for (const member of members) expect(drawnAfter.has(member)).toBe(true);
    expect(drawnAfter.has(bundle!.id)).toBe(false);
  });

  it('shows edge labels only on hover or selection, and a clicked relationship’s provenance in the panel', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/explore?${new URLSearchParams({ id: cgs })}`);
    await waitUntilSettled(page);

    // A drawn edge standing for one relationship, far enough from every node to be clicked on its own.
    const target = await page.evaluate(() => {
      const { cy } = (window as any).geocoopExplorer.state;
      cy.elements(':selected').unselect();
      cy.edges().removeClass('near-selection');
      const box = cy.container().getBoundingClientRect();
      for (const edge of cy.edges(':visible')) {
        if (edge.data('relationshipIds').length !== 1) continue;
        const mid = edge.renderedMidpoint();
        const clear = cy.nodes(':visible').every((node: any) => {
          const p = node.renderedPosition();
          return Math.hypot(p.x - mid.x, p.y - mid.y) > 30;
        });
        if (!clear) continue;
        return { id: edge.id(), relationshipId: edge.data('relationshipIds')[0], x: box.left + mid.x, y: box.top + mid.y, label: edge.style('label') };
      }
      return null;
    });
    expect(target).not.toBeNull();
    expect(target!.label).toBe('');

    await page.mouse.move(target!.x, target!.y);
    await page.waitForFunction((id) => (window as any).geocoopExplorer.state.cy.getElementById(id).style('label') !== '', target!.id);
    await page.mouse.click(target!.x, target!.y);
    await page.locator('#details .relationship').waitFor();

    const { body } = await postGraphql(session.server.url, 'query($id: ID!) { relationship(id: $id) { type provenance { quote } } }', { id: target!.relationshipId });
    const relationship = body.data.relationship;
    expect(relationship.provenance.length).toBeGreaterThan(0);
    await expect(page.locator('#details h2').textContent()).resolves.toBe(relationship.type);
    await expect(page.locator('#details h3', { hasText: 'Provenance' }).textContent()).resolves.toBe(`Provenance (${relationship.provenance.length})`);
    const quotes = await page.locator('#details .provenance blockquote').allTextContents();
    expect(quotes).toEqual(relationship.provenance.map((item: any) => item.quote).filter(Boolean));
  });

  it('keeps a kind hidden from the legend hidden across expansions and in the shared URL', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/explore?${new URLSearchParams({ id: cgs })}`);
    await waitUntilSettled(page);
    await page.locator('#legend li[data-kind="REGION"] button').click();
    await waitUntilSettled(page);
    expect((await drawnNodes(page)).some((node) => node.kind === 'REGION')).toBe(false);
    expect(new URL(page.url()).searchParams.get('hide')).toBe('REGION');

    // Expanding a node that brings regions along still draws none of them.
    const { body } = await postGraphql(session.server.url, NEIGHBOURHOOD_EDGES, { id: cgs });
    const claim = body.data.neighbourhood.nodes.find((node: any) => node.kind === 'CLAIM');
    expect(claim).toBeDefined();
    await page.evaluate((id) => (window as any).geocoopExplorer.expand(id), claim.id);
    await waitUntilSettled(page);
    const known: string[] = await page.evaluate(() => [...(window as any).geocoopExplorer.state.model.nodes.values()].map((node: any) => node.kind));
    expect(known).toContain('REGION');
    expect((await drawnNodes(page)).some((node) => node.kind === 'REGION')).toBe(false);
    const shared = page.url();

    // Shown again from the legend, the regions are drawn.
    await page.locator('#legend li[data-kind="REGION"] button').click();
    await waitUntilSettled(page);
    expect((await drawnNodes(page)).some((node) => node.kind === 'REGION')).toBe(true);

    // The link restores the centre and the hidden kind.
    await page.goto(shared);
    await waitUntilSettled(page);
    expect(await page.evaluate(() => (window as any).geocoopExplorer.state.centerId)).toBe(cgs);
    await page.evaluate((id) => (window as any).geocoopExplorer.expand(id), claim.id);
    await waitUntilSettled(page);
    expect((await drawnNodes(page)).some((node) => node.kind === 'REGION')).toBe(false);
    await expect(page.locator('#legend li[data-kind="REGION"] button').getAttribute('aria-pressed')).resolves.toBe('false');
  });

  it('pins, collapses and hides a node from the side panel', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/explore?${new URLSearchParams({ id: cgs })}`);
    await waitUntilSettled(page);
    const { body } = await postGraphql(session.server.url, NEIGHBOURHOOD_EDGES, { id: cgs });
    const claim = body.data.neighbourhood.nodes.find((node: any) => node.kind === 'CLAIM').id;

    await page.locator(`#node-list li[data-id="${claim}"] button`).click();
    await waitUntilSettled(page);
    await page.locator('#details button[data-action="pin"]').click();
    await waitUntilSettled(page);
    const pinned = await page.evaluate((id) => {
      const node = (window as any).geocoopExplorer.state.cy.getElementById(id);
      return { locked: node.locked(), position: { ...node.position() } };
    }, claim);
    expect(pinned.locked).toBe(true);

    // Collapsing the claim folds away the regions that hang only off it; the pinned claim has not moved.
    const regionsBefore = (await drawnNodes(page)).filter((node) => node.kind === 'REGION').length;
    expect(regionsBefore).toBeGreaterThan(0);
    await page.locator('#details button[data-action="collapse"]').click();
    await waitUntilSettled(page);
    const regionsAfter = (await drawnNodes(page)).filter((node) => node.kind === 'REGION').length;
    expect(regionsAfter).toBeLessThan(regionsBefore);
    expect(await page.evaluate((id) => ({ ...(window as any).geocoopExplorer.state.cy.getElementById(id).position() }), claim)).toEqual(pinned.position);

    await page.locator('#details button[data-action="hide"]').click();
    await waitUntilSettled(page);
    expect((await drawnNodes(page)).some((node) => node.id === claim)).toBe(false);
    await expect(page.locator(`#node-list li[data-id="${claim}"]`).count()).resolves.toBe(0);
  });

  it('finds how CGS and CCOP are connected from two autocompletes, strongest path first, and shares it by URL', async () => {
    const { page } = session.browser;
    const { body } = await postGraphql(
      session.server.url,
      'query($from: ID!, $to: ID!) { connection(from: $from, to: $to) { summary rankedPaths { strength path { steps { node { id } relationship { id } } } } } }',
      { from: cgs, to: ccop },
    );
    const expected = body.data.connection;
    expect(expected.rankedPaths.length).toBeGreaterThan(1);
    const pathNodes = new Set<string>(expected.rankedPaths.flatMap((ranked: any) => ranked.path.steps.map((step: any) => step.node.id)));
    const pathRelationships = new Set<string>(
      expected.rankedPaths.flatMap((ranked: any) => ranked.path.steps.filter((step: any) => step.relationship).map((step: any) => step.relationship.id)),
    );

    await page.goto(`${session.server.url}/explore`);
    await page.locator('#path-finder summary').click();
    await page.fill('#path-from', 'CGS');
    await page.locator('#path-from-results li[role="option"]', { hasText: /China Geological Survey/ }).first().locator('button').click();
    await page.fill('#path-to', 'CCOP');
    await page.locator('#path-to-results li[role="option"]', { hasText: /^CCOP/ }).first().locator('button').click();
    await page.locator('#path-submit').click();
    await page.locator('#details .connection-summary').waitFor({ timeout: 30_000 });
    await waitUntilSettled(page);

    await expect(page.locator('#details .connection-summary').textContent()).resolves.toBe(expected.summary);
    await expect(page.locator('#details .path').first().getAttribute('data-strength')).resolves.toBe(expected.rankedPaths[0].strength);
    const drawn = await page.evaluate(() => {
      const { state } = (window as any).geocoopExplorer;
      return {
        nodes: [...state.model.nodes.keys()] as string[],
        onPath: state.view.edges.filter((edge: any) => edge.onPath).flatMap((edge: any) => edge.relationshipIds) as string[],
        highlighted: state.cy.edges('.on-path').length as number,
      };
    });
    expect(new Set(drawn.nodes)).toEqual(pathNodes);
    expect(new Set(drawn.onPath)).toEqual(pathRelationships);
    expect(drawn.highlighted).toBeGreaterThan(0);
    const shared = new URL(page.url());
    expect([shared.searchParams.get('from'), shared.searchParams.get('to')]).toEqual([cgs, ccop]);
    const graphiql = new URL((await page.locator('#path-graphiql').getAttribute('href'))!, session.server.url);
    expect(graphiql.searchParams.get('query')).toContain('connection(from: $from, to: $to)');
    expect(JSON.parse(graphiql.searchParams.get('variables')!)).toEqual({ from: cgs, to: ccop });
    expect(graphiql.searchParams.get('run')).toBe('1');
    await screenshot(page, 'explorer-path.png');

    // The shared link shows the same answer.
    await page.goto(shared.href);
    await page.locator('#details .connection-summary').waitFor({ timeout: 30_000 });
    await expect(page.locator('#details .connection-summary').textContent()).resolves.toBe(expected.summary);
  });

  it('searches helpfully: says when the query is empty or too short, suggests for a typo and groups hits by kind', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/explore`);
    await page.locator('#search-form button[type="submit"]').click();
    await expect(page.locator('#search-results').textContent()).resolves.toBe('Type a name to search, e.g. CGS.');
    await page.fill('#search-input', 'g');
    await page.keyboard.press('Enter');
    await expect(page.locator('#search-results').textContent()).resolves.toBe('Type at least 2 characters to search.');

    await page.fill('#search-input', 'geologcal');
    await page.locator('#search-results .suggestion-note').waitFor({ timeout: 30_000 });
    await expect(page.locator('#search-results .suggestion-note').textContent()).resolves.toBe('Nothing matches “geologcal” as typed. Did you mean:');
    const suggestions = page.locator('#search-results li[role="option"]');
    expect(await suggestions.count()).toBeGreaterThan(0);
    expect(new Set(await suggestions.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.match)))).toEqual(new Set(['FUZZY']));
    expect((await suggestions.allTextContents()).some((text) => /Geological/.test(text))).toBe(true);

    const { body } = await postGraphql(session.server.url, 'query($q: String!) { search(query: $q, first: 15) { kinds { kind count } edges { node { kind } } } }', { q: 'geological' });
    // One group per kind on the page, the best hit's kind first, each with the count of all its matches.
    const shownKinds = [...new Set<string>(body.data.search.edges.map((edge: any) => edge.node.kind))];
    const counts = new Map<string, number>(body.data.search.kinds.map((group: any) => [group.kind, group.count]));
    const expectedGroups = shownKinds.map((kind) => `${kindName(kind)} (${counts.get(kind)})`);
    await page.fill('#search-input', 'geological');
    await page.waitForFunction(() => !document.querySelector('#search-results .suggestion-note') && document.querySelectorAll('#search-results li.result-group').length > 0, null, { timeout: 30_000 });
    await expect(page.locator('#search-results li.result-group').allTextContents()).resolves.toEqual(expectedGroups);
    expect(await page.locator('#search-results li[data-match="FUZZY"]').count()).toBe(0);
    expect((await page.locator('#search-results li').allTextContents()).some((text) => text.trim() === 'null')).toBe(false);
  });

  it('shows the current graph as tables and downloads it as CSV, JSON and PNG with what is shown', async () => {
    const { page } = session.browser;
    const { body } = await postGraphql(session.server.url, NEIGHBOURHOOD_EDGES, { id: cgs });
    const api = body.data.neighbourhood;
    await page.goto(`${session.server.url}/explore?${new URLSearchParams({ id: cgs })}`);
    await waitUntilSettled(page);
    await page.locator('#table-toggle').click();
    await expect(page.locator('#entities-table tbody tr').count()).resolves.toBe(api.nodes.length);
    await expect(page.locator('#relationships-table tbody tr').count()).resolves.toBe(api.edges.length);

    const downloaded = async (which: string): Promise<{ name: string; content: Buffer }> => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`#table-view button[data-download="${which}"]`).click()]);
      const path = await file.path();
      return { name: file.suggestedFilename(), content: fs.readFileSync(path) };
    };
    const entities = await downloaded('entities-csv');
    expect(entities.name).toBe('entities.csv');
    const lines = entities.content.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,kind,label,year');
    expect(lines).toHaveLength(api.nodes.length + 1);
    expect(lines.some((line: string) => line.startsWith(`${cgs},Organization,CGS — China Geological Survey`))).toBe(true);

    const relationships = await downloaded('relationships-csv');
    expect(relationships.content.toString('utf8').trimEnd().split('\r\n')).toHaveLength(api.edges.length + 1);

    const json = JSON.parse((await downloaded('json')).content.toString('utf8'));
    expect(json.center).toBe(cgs);
    expect(new Set(json.nodes.map((node: any) => node.id))).toEqual(new Set(api.nodes.map((node: any) => node.id)));
    expect(new Set(json.edges.map((edge: any) => edge.id))).toEqual(new Set(api.edges.map((edge: any) => edge.id)));

    const png = await downloaded('png');
    expect(png.name).toBe('graph.png');
    expect(png.content.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.content.length).toBeGreaterThan(5_000);
  });

  it('opens the neighbourhood query in GraphiQL in a new tab and runs it there', async () => {
    const { page, context } = session.browser;
    await page.goto(`${session.server.url}/explore?${new URLSearchParams({ id: cgs })}`);
    await waitUntilSettled(page);
    const [graphiql] = await Promise.all([context.waitForEvent('page'), page.locator('#open-graphiql').click()]);
    await graphiql.waitForFunction(
      (id) => {
        const monaco = (globalThis as any).__MONACO;
        const model = monaco?.editor.getModels().find((candidate: any) => candidate.uri.path.endsWith('response.json'));
        if (!model || !model.getValue()) return false;
        try {
          return JSON.parse(model.getValue()).data.neighbourhood.center.id === id;
        } catch {
          return false;
        }
      },
      cgs,
      { timeout: 60_000 },
    );
    expect(page.url()).toContain('/explore');
    await graphiql.close();
  });
});
