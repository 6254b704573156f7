/**
 * The real browser of the end-to-end tests: Debian's Chromium driven by playwright-core, in a fresh profile
 * whose page may only talk to the server under test (anything else is blocked and recorded as a problem).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './testNeo4j';

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
export function ensureWebBuilt(): void {
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

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Requests that left the server's origin and console errors, in order. */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh Chromium profile whose page may only talk to `origin`: anything else is blocked and recorded. */
export async function openBrowser(origin: string): Promise<Browser> {
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

/**
 * Saves a screenshot as a test artifact; with UPDATE_SCREENSHOTS=1 also refreshes the README's copy in
 * docs/screenshots (off by default, so a test run does not change tracked files).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(SCREENSHOTS, name));
  }
}

/** axe-core's own build, evaluated in the page through the DevTools protocol (the pages' CSP forbids inline scripts). */
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  /** axe's explanation for the first offending element (e.g. the colours of a contrast failure). */
  firstFailure: string;
}

/** The serious and critical accessibility violations axe-core finds on the page as it is now. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation: any) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node: any) => String(node.target)),
      firstFailure: String(violation.nodes[0]?.failureSummary ?? ''),
    }));
  });
  return (violations as AxeViolation[]).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
