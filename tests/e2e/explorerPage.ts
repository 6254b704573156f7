/** What the explorer's end-to-end tests share: finding entities through the API and waiting for the page. */
import type { Page } from 'playwright-core';
import { postGraphql } from '../helpers/testServer';

/** An entity's global ID as the API gives it: the first search hit whose label matches. */
export async function entityId(url: string, query: string, label: RegExp): Promise<string> {
  const { body } = await postGraphql(url, 'query($q: String!) { search(query: $q, first: 10) { edges { node { id label } } } }', { q: query });
  const hit = (body.data?.search.edges ?? []).find((edge: any) => label.test(edge.node.label));
  if (!hit) throw new Error(`no search hit for ${query} matches ${label}`);
  return hit.node.id;
}

/** Waits until the explorer has drawn what it asked for and no request is pending. */
export async function waitUntilSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const root = document.documentElement.dataset;
      const explorer = (window as any).geocoopExplorer;
      return root.explorerState === 'ready' && root.busy === '0' && explorer && !explorer.state.cy.animated();
    },
    null,
    { timeout: 30_000 },
  );
}

/** The page's visible, drawn nodes as the canvas has them: id, kind and short label. */
export function drawnNodes(page: Page): Promise<Array<{ id: string; kind: string; label: string }>> {
  return page.evaluate(() =>
    (window as any).geocoopExplorer.state.cy
      .nodes(':visible')
      .map((node: any) => ({ id: node.id(), kind: node.data('kind'), label: node.data('label') })),
  );
}
