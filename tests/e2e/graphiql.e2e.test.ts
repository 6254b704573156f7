/**
 * End to end: the self-hosted GraphiQL at /graphiql, in a real headless Chromium against the real server.
 * Fails on any request leaving the server's origin and on any console error.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { screenshot, seriousAccessibilityViolations } from '../helpers/browser';
import { postGraphql } from '../helpers/testServer';
import { browserSession } from './session';

// ---------------------------------------------------------------------------------------------------- GraphiQL

const EXAMPLE_OPERATIONS = ['PositionsOfCgsScientists', 'ConferencesByYear', 'CcopMembers', 'Themes', 'HowConnected', 'Search', 'NamesByLanguage', 'AsOf', 'GraphAsOf', 'OpenLists'];
const TYPED_OPERATION = 'query Themes { themes(first: 20) { edges { node { name lists } } } }';

/** The text of one of GraphiQL's Monaco models (the active tab's operation, variables or response). */
function editorValue(page: Page, suffix: 'operation.graphql' | 'variables.json' | 'response.json'): Promise<string> {
  return page.evaluate((end) => {
    const monaco = (globalThis as any).__MONACO;
    const model = monaco?.editor.getModels().find((candidate: any) => candidate.uri.path.endsWith(end));
    return model ? (model.getValue() as string) : '';
  }, suffix);
}

async function waitForEditors(page: Page): Promise<void> {
  await page.waitForSelector('.graphiql-query-editor .monaco-editor', { timeout: 60_000 });
  await page.waitForFunction(() => Boolean((globalThis as any).__MONACO), null, { timeout: 60_000 });
}

async function runAndReadResult(page: Page, expected: string): Promise<any> {
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(
    (text) => {
      const monaco = (globalThis as any).__MONACO;
      const model = monaco?.editor.getModels().find((candidate: any) => candidate.uri.path.endsWith('response.json'));
      return Boolean(model && model.getValue().includes(text));
    },
    expected,
    { timeout: 30_000 },
  );
  await page.waitForSelector('section.result-window .monaco-editor');
  return JSON.parse(await editorValue(page, 'response.json'));
}

describe('GraphiQL at /graphiql', () => {
  const session = browserSession();

  it('is where a browser opening /graphql is sent, and is served under a self-only CSP', async () => {
    const redirect = await fetch(`${session.server.url}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/graphiql');

    const page = await fetch(`${session.server.url}/graphiql`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("worker-src 'self'");
  });

  it('preloads example operations that the server answers without errors', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/graphiql`);
    await waitForEditors(page);
    // Open each tab in turn and read its operation from the editor.
    const examples: string[] = [];
    const tabs = page.locator('.graphiql-tab button.graphiql-tab-button');
    expect(await tabs.count()).toBe(EXAMPLE_OPERATIONS.length);
    for (let index = 0; index < EXAMPLE_OPERATIONS.length; index += 1) {
      await tabs.nth(index).click();
      await page.waitForFunction(
        (name) => {
          const model = (globalThis as any).__MONACO.editor.getModels().find((m: any) => m.uri.path.endsWith('operation.graphql'));
          return model.getValue().includes(`query ${name} `);
        },
        EXAMPLE_OPERATIONS[index],
      );
      examples.push(await editorValue(page, 'operation.graphql'));
    }
    for (const query of examples) {
      const { status, body } = await postGraphql(session.server.url, query);
      expect({ query, status, errors: body.errors }).toEqual({ query, status: 200, errors: undefined });
    }
  });

  it('loads GraphiQL with the example operations as tabs', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/graphiql`);
    await waitForEditors(page);

    const tabs = await page.$$eval('.graphiql-tab', (elements) => elements.map((element) => element.textContent ?? ''));
    for (const name of EXAMPLE_OPERATIONS) expect(tabs.some((tab) => tab.includes(name))).toBe(true);
    expect(await editorValue(page, 'operation.graphql')).toContain('# Positions of CGS scientists');
    // The Explorer and History plugins sit next to the built-in Doc Explorer in the sidebar.
    await expect(page.locator('.graphiql-sidebar button[aria-label*="Explorer"]').count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(page.locator('.graphiql-sidebar button[aria-label*="History"]').count()).resolves.toBe(1);
  });

  it('runs an operation typed into the editor and shows the result', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/graphiql`);
    await waitForEditors(page);

    await page.click('.graphiql-tab-add');
    await page.waitForFunction(() => document.querySelectorAll('.graphiql-tab').length >= 6);
    await page.click('.graphiql-query-editor .monaco-editor .view-lines');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(TYPED_OPERATION);
    expect((await editorValue(page, 'operation.graphql')).replace(/\u00a0/g, ' ').trim()).toBe(TYPED_OPERATION);
    await page.click('.graphiql-toolbar button[aria-label^="Prettify query"]');
    await page.waitForFunction(() => {
      const model = (globalThis as any).__MONACO.editor.getModels().find((m: any) => m.uri.path.endsWith('operation.graphql'));
      return model.getValue().includes('\n');
    });

    const result = await runAndReadResult(page, '"themes"');
    const api = await postGraphql(session.server.url, TYPED_OPERATION);
    expect(api.body.errors).toBeUndefined();
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual(api.body.data);

    const firstTheme = api.body.data.themes.edges[0]?.node.name as string | undefined;
    if (firstTheme) {
      const pane = (await page.textContent('section.result-window'))!.replace(/\u00a0/g, ' ');
      expect(pane).toContain(firstTheme);
    }
    await screenshot(page, 'graphiql.png');
  });

  it('opens the operation and variables given in its URL (as the explorer links them)', async () => {
    const { page } = session.browser;
    const query = 'query Neighbourhood($id: ID!, $depth: Int, $limit: Int) { neighbourhood(id: $id, depth: $depth, limit: $limit) { center { id label } nodes { id } truncated } }';
    const variables = { id: 'Organization:cgs', depth: 1, limit: 100 };
    await page.goto(`${session.server.url}/graphiql?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`);
    await waitForEditors(page);

    expect(await editorValue(page, 'operation.graphql')).toBe(query);
    expect(JSON.parse(await editorValue(page, 'variables.json'))).toEqual(variables);
    const result = await runAndReadResult(page, '"neighbourhood"');
    const api = await postGraphql(session.server.url, query, variables);
    expect(result.data).toEqual(api.body.data);
  });

  it('shows a result’s list as a table in the “Result table” plugin and downloads it as CSV', async () => {
    const { page } = session.browser;
    const query = 'query CcopMembers { organization(acronym: "CCOP") { name memberCountries(first: 20) { totalCount edges { asOf node { code name } } } } }';
    const api = await postGraphql(session.server.url, query);
    expect(api.body.errors).toBeUndefined();
    const edges: Array<{ asOf: string | null; node: { code: string; name: string } }> = api.body.data.organization.memberCountries.edges;
    expect(edges.length).toBeGreaterThanOrEqual(5);

    await page.goto(`${session.server.url}/graphiql?${new URLSearchParams({ query, run: '1' })}`);
    await waitForEditors(page);
    await page.waitForFunction(() => {
      const model = (globalThis as any).__MONACO.editor.getModels().find((m: any) => m.uri.path.endsWith('response.json'));
      return Boolean(model && model.getValue().includes('memberCountries'));
    }, null, { timeout: 30_000 });
    await page.click('.graphiql-sidebar button[aria-label="Show Result table"]');
    const table = page.locator('#geocoop-result-table');
    await table.waitFor();
    await expect(table.locator('caption').textContent()).resolves.toBe(`organization.memberCountries (${edges.length} rows)`);
    await expect(table.locator('thead th').allTextContents()).resolves.toEqual(['asOf', 'code', 'name']);
    const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)));
    expect(cells).toEqual(edges.map((edge) => [edge.asOf ?? '', edge.node.code, edge.node.name]));

    const [file] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="result-csv"]')]);
    expect(file.suggestedFilename()).toBe('organization-memberCountries.csv');
    const csv = fs.readFileSync(await file.path(), 'utf8');
    const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
    expect(csv).toBe(['asOf,code,name', ...edges.map((edge) => [edge.asOf ?? '', edge.node.code, edge.node.name].map(quote).join(','))].join('\r\n') + '\r\n');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'graphiql-table.png');
  });
});
