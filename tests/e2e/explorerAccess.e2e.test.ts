/**
 * End to end: the explorer and GraphiQL for everyone, in a real Chromium against the real server: keyboard-only
 * use with visible focus, a phone-sized screen without sideways scrolling, and axe-core's check with no serious
 * or critical violation on either page. Fails on any request leaving the server's origin and on any console error.
 */
import type { Page } from 'playwright-core';
import { screenshot, seriousAccessibilityViolations } from '../helpers/browser';
import { entityId, waitUntilSettled } from './explorerPage';
import { browserSession } from './session';

/** Presses Tab (or Shift+Tab) until `selector` has the focus; fails after `max` presses. */
async function tabTo(page: Page, selector: string, { backwards = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate((wanted) => Boolean(document.activeElement?.matches(wanted)), selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} was not reached with ${max} presses of Tab`);
}

/** The focused element draws a visible outline. */
function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return false;
    const style = getComputedStyle(element);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });
}

describe('the explorer and GraphiQL for everyone', () => {
  const session = browserSession();
  let cgs: string;

  beforeAll(async () => {
    cgs = await entityId(session.server.url, 'CGS', /China Geological Survey/);
  });

  it('can be used with the keyboard alone: search, pick, move through the node list, expand and re-centre', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/explore`);
    await page.waitForFunction(() => document.activeElement?.id === 'search-input');
    await page.keyboard.type('CGS');
    // Under load the list may first show hits for "CG": wait for the hits of the whole word.
    await page.locator('#search-results[data-for="CGS"] li[role="option"].active', { hasText: /China Geological Survey/ }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await waitUntilSettled(page);
    expect(await page.evaluate(() => (window as any).geocoopExplorer.state.centerId)).toBe(cgs);

    await tabTo(page, '#node-list li button');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('ArrowDown');
    const chosen = await page.evaluate(() => (document.activeElement?.closest('li') as HTMLElement | null)?.dataset.id ?? null);
    expect(chosen).not.toBeNull();
    expect(chosen).not.toBe(cgs);
    await page.keyboard.press('Enter');
    await waitUntilSettled(page);
    const state = await page.evaluate(() => {
      const { state: explorer } = (window as any).geocoopExplorer;
      return { selected: explorer.selectedId, expanded: [...explorer.model.expanded] as string[] };
    });
    expect(state.selected).toBe(chosen);
    expect(state.expanded).toContain(chosen);
    // The focus stayed on the chosen node while its neighbours arrived.
    expect(await page.evaluate(() => (document.activeElement?.closest('li') as HTMLElement | null)?.dataset.id)).toBe(chosen);

    await tabTo(page, '#details button[data-action="recentre"]', { backwards: true });
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => (window as any).geocoopExplorer.state.centerId === id, chosen);
    await waitUntilSettled(page);
    expect(new URL(page.url()).searchParams.get('id')).toBe(chosen);
  });

  it('fits a 390 × 844 phone screen without sideways scrolling, with the side panel as a drawer', async () => {
    const { page } = session.browser;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${session.server.url}/explore?${new URLSearchParams({ id: cgs })}`);
    await waitUntilSettled(page);
    const widths = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
    expect(widths.document).toBeLessThanOrEqual(390);
    expect(widths.body).toBeLessThanOrEqual(390);
    for (const selector of ['#search-input', '#open-graphiql', '#panel-toggle']) {
      const box = (await page.locator(selector).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    // The drawer is closed until asked for, then lists the nodes within the screen's width.
    await expect(page.locator('#side').isVisible()).resolves.toBe(false);
    await page.locator('#panel-toggle').click();
    await expect(page.locator('#side').isVisible()).resolves.toBe(true);
    const drawer = (await page.locator('#side').boundingBox())!;
    expect(drawer.x).toBeGreaterThanOrEqual(0);
    expect(drawer.x + drawer.width).toBeLessThanOrEqual(390);
    await expect(page.locator('#node-list li').count()).resolves.toBeGreaterThan(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'explorer-phone.png');
  });

  it('has no serious or critical axe-core violation on the explorer with a graph drawn', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/explore?${new URLSearchParams({ id: cgs })}`);
    await waitUntilSettled(page);
    await page.locator('#details h3', { hasText: 'Provenance' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('has no serious or critical axe-core violation on GraphiQL', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/graphiql`);
    await page.waitForSelector('.graphiql-query-editor .monaco-editor', { timeout: 60_000 });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
