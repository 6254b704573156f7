/**
 * End to end: an API key sent from GraphiQL's Headers tab, as the README tells curators to do, in a real
 * headless Chromium against the real server.
 */
import type { RunningServer } from '../../src/server';
import { ensureWebBuilt, openBrowser, type Browser } from '../helpers/browser';
import { issueApiKey } from '../helpers/credentials';
import { startTestServer } from '../helpers/testServer';

const QUERY = 'query Keys { apiKeys(first: 1) { totalCount } }';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestServer();
  browser = await openBrowser(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('an admin key typed into the Headers tab authenticates the operation GraphiQL sends', async () => {
  const token = await issueApiKey(server.database, 'admin', 'graphiql headers');
  const { page } = browser;
  await page.goto(`${server.url}/graphiql?${new URLSearchParams({ query: QUERY })}`);
  await page.waitForSelector('.graphiql-query-editor .monaco-editor', { timeout: 60_000 });

  await page.getByRole('button', { name: 'Headers' }).click();
  await page.locator('.graphiql-editor-tool .monaco-editor .view-lines:visible').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));

  const sent = page.waitForRequest((request) => request.url().endsWith('/graphql') && request.method() === 'POST');
  await page.click('.graphiql-execute-button');
  expect((await sent).headers().authorization).toBe(`Bearer ${token}`);
  await page.waitForFunction(
    () => {
      const model = (globalThis as any).__MONACO?.editor.getModels().find((candidate: any) => candidate.uri.path.endsWith('response.json'));
      return Boolean(model && model.getValue().includes('totalCount'));
    },
    null,
    { timeout: 30_000 },
  );
  const response = await page.evaluate(() =>
    (globalThis as any).__MONACO.editor.getModels().find((candidate: any) => candidate.uri.path.endsWith('response.json')).getValue() as string,
  );
  expect(JSON.parse(response).data.apiKeys.totalCount).toBeGreaterThanOrEqual(1);
  expect(browser.problems).toEqual([]);
});
