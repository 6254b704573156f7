/**
 * GraphiQL 5.4 puts role="tab" on each tab's <li>, which holds two buttons (select and close): axe-core reports
 * that as nested interactive controls (serious), and screen readers hide the close button inside the tab. Until
 * GraphiQL fixes its markup, this moves the tab role (and aria-selected) onto the select button and takes the
 * close button out of the tab order and the accessibility tree (a tablist may own only tabs; the mouse still
 * closes tabs), keeping it so as React re-renders the tabs.
 */
function fixTab(item: Element): void {
  const button = item.querySelector(':scope > .graphiql-tab-button');
  if (!button) return;
  const selected = item.getAttribute('aria-selected');
  if (item.getAttribute('role') !== 'presentation') item.setAttribute('role', 'presentation');
  if (selected !== null) {
    item.removeAttribute('aria-selected');
    if (button.getAttribute('aria-selected') !== selected) button.setAttribute('aria-selected', selected);
  }
  if (button.getAttribute('role') !== 'tab') button.setAttribute('role', 'tab');
  const close = item.querySelector(':scope > .graphiql-tab-close');
  if (close && close.getAttribute('aria-hidden') !== 'true') {
    close.setAttribute('aria-hidden', 'true');
    close.setAttribute('tabindex', '-1');
  }
}

export function keepGraphiqlTabsAccessible(root: HTMLElement): void {
  const fixAll = () => root.querySelectorAll('.graphiql-tab').forEach(fixTab);
  new MutationObserver(fixAll).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-selected'] });
  fixAll();
}
