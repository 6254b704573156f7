/** The life cycle every end-to-end file shares: one real server per file, one fresh Chromium profile per test. */
import { ensureWebBuilt, openBrowser, type Browser } from '../helpers/browser';
import { startTestServer } from '../helpers/testServer';

export interface BrowserSession {
  server: { url: string; stop(): Promise<void> };
  browser: Browser;
}

/**
 * Registers the hooks and returns the session they fill in. Each test fails afterwards if its page requested
 * anything outside the server's origin or logged a console error.
 */
export function browserSession(): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    ensureWebBuilt();
    session.server = await startTestServer();
  });
  afterAll(async () => {
    await session.server?.stop();
  });
  beforeEach(async () => {
    session.browser = await openBrowser(session.server.url);
  });
  afterEach(async () => {
    const problems = [...session.browser.problems];
    await session.browser.close();
    expect(problems).toEqual([]);
  });
  return session;
}
