/**
 * End to end: the self-hosted GraphiQL at /graphiql, in a real headless Chromium against the real server.
 * Fails on any request leaving the server's origin and on any console error.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '../helpers/testNeo4j';
import { postGraphql, startTestServer } from '../helpers/testServer';

// A project-level `testTimeout` in jest.config.js is ignored by jest-circus (it reads only the global one).
jest.setTimeout(120_000);

// ---------------------------------------------------------------------------------------------------- browser

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = path.join(REPO_ROOT, 'tests', 'e2e', 'artifacts');
const SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');

/** Builds dist/web when it is missing or older than its sources (one build at a time across jest workers). */
function ensureWebBuilt(): void {
  const outputs = ['graphiql', 'explorer'].map((page) => path.join(REPO_ROOT, 'dist', 'web', page, 'index.html'));
  const newestSource = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
      const file = path.join(dir, entry.name);
      return Math.max(newest, entry.isDirectory() ? newestSource(file) : fs.statSync(file).mtimeMs);
    }, 0);
  const stale = (): boolean => {
    const sources = Math.max(newestSource(path.join(REPO_ROOT, 'web')), fs.statSync(path.join(REPO_ROOT, 'scripts', 'build-web.mjs')).mtimeMs);
    return outputs.some((file) => !fs.existsSync(file) || fs.statSync(file).mtimeMs < sources);
  };
  const lock = path.join(REPO_ROOT, 'dist', '.build-web.lock');
  const deadline = Date.now() + 180_000;
  while (stale()) {
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    try {
      fs.mkdirSync(lock);
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} is held for too long: remove it if no build is running`);
      execFileSync('sleep', ['1']);
      continue;
    }
    try {
      if (stale()) execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-web.mjs')], { cwd: REPO_ROOT, stdio: 'pipe' });
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

interface Browser {
  context: BrowserContext;
  page: Page;
  /** Requests that left the server's origin and console errors, in order. */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh Chromium profile whose page may only talk to `origin`: anything else is blocked and recorded. */
async function openBrowser(origin: string): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'geocoop-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  const problems: string[] = [];
  const isOwn = (url: string) => url === origin || url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isOwn(url)) return route.continue();
    problems.push(`request outside ${origin}: ${url}`);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    if (!isOwn(request.url())) problems.push(`request outside ${origin}: ${request.url()}`);
  });
  const onConsole = (where: string) => (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') problems.push(`console error (${where}): ${message.text()}`);
  };
  context.on('console', onConsole('page'));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`));
  page.on('worker', (worker) => worker.on('console', onConsole(`worker ${worker.url()}`)));
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file });
  fs.copyFileSync(file, path.join(SCREENSHOTS, name));
}

// ---------------------------------------------------------------------------------------------------- GraphiQL

const EXAMPLE_OPERATIONS = ['PositionsOfCgsScientists', 'ConferencesByYear', 'Themes', 'HowConnected', 'Search'];
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
  let server: { url: string; stop(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  beforeEach(async () => {
    browser = await openBrowser(server.url);
  });

  afterEach(async () => {
    const problems = [...browser.problems];
    await browser.close();
    expect(problems).toEqual([]);
  });

  it('is where a browser opening /graphql is sent, and is served under a self-only CSP', async () => {
    const redirect = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/graphiql');

    const page = await fetch(`${server.url}/graphiql`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("worker-src 'self'");
  });

  it('preloads example operations that the server answers without errors', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/graphiql`);
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
      const { status, body } = await postGraphql(server.url, query);
      expect({ query, status, errors: body.errors }).toEqual({ query, status: 200, errors: undefined });
    }
  });

  it('loads GraphiQL with the example operations as tabs', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/graphiql`);
    await waitForEditors(page);

    const tabs = await page.$$eval('.graphiql-tab', (elements) => elements.map((element) => element.textContent ?? ''));
    for (const name of EXAMPLE_OPERATIONS) expect(tabs.some((tab) => tab.includes(name))).toBe(true);
    expect(await editorValue(page, 'operation.graphql')).toContain('# Positions of CGS scientists');
    // The Explorer and History plugins sit next to the built-in Doc Explorer in the sidebar.
    await expect(page.locator('.graphiql-sidebar button[aria-label*="Explorer"]').count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(page.locator('.graphiql-sidebar button[aria-label*="History"]').count()).resolves.toBe(1);
  });

  it('runs an operation typed into the editor and shows the result', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/graphiql`);
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
    const api = await postGraphql(server.url, TYPED_OPERATION);
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
    const { page } = browser;
    const query = 'query Neighbourhood($id: ID!, $depth: Int, $limit: Int) { neighbourhood(id: $id, depth: $depth, limit: $limit) { center { id label } nodes { id } truncated } }';
    const variables = { id: 'Organization:cgs', depth: 1, limit: 100 };
    await page.goto(`${server.url}/graphiql?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`);
    await waitForEditors(page);

    expect(await editorValue(page, 'operation.graphql')).toBe(query);
    expect(JSON.parse(await editorValue(page, 'variables.json'))).toEqual(variables);
    const result = await runAndReadResult(page, '"neighbourhood"');
    const api = await postGraphql(server.url, query, variables);
    expect(result.data).toEqual(api.body.data);
  });
});
