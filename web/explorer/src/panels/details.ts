import { h } from '../dom';
import type { ViewNode } from '../graphModel';
import { kindName } from '../kinds';
import type { EntityDetails, NamedValue, Provenance, RelationshipDetails } from '../types';
import { swatchFor } from './legend';

export interface NodeActions {
  expand(): void;
  recentre(): void;
  togglePin(): void;
  hide(): void;
  toggleCollapse(): void;
}

export function renderMessage(panel: HTMLElement, text: string, tone: 'muted' | 'error' = 'muted'): void {
  panel.replaceChildren(h('p', { className: tone }, text));
}

export function renderLoading(panel: HTMLElement, title: string, subtitle: string): void {
  panel.replaceChildren(h('h2', { className: 'entity-title' }, title), h('p', { className: 'entity-kind' }, subtitle), h('p', { className: 'muted' }, 'Loading…'));
}

function actionButton(label: string, onClick: () => void, attributes: Record<string, string> = {}): HTMLButtonElement {
  return h('button', { type: 'button', onclick: onClick, ...attributes }, label);
}

/** `relationships`: the entity's relationships in the current graph, as a table (panels/table.ts). */
export function renderEntity(panel: HTMLElement, entity: EntityDetails, view: ViewNode | undefined, actions: NodeActions, relationships: HTMLElement | null = null): void {
  const isCentre = view?.isCenter ?? false;
  panel.replaceChildren(
    h('h2', { className: 'entity-title' }, entity.label),
    h('p', { className: 'entity-kind' }, swatchFor(entity.kind), kindName(entity.kind)),
    h(
      'div',
      { className: 'entity-actions', role: 'group', 'aria-label': 'Actions on this entity' },
      isCentre ? h('span', { className: 'muted' }, 'Centre of the graph') : actionButton('Re-centre here', actions.recentre, { 'data-action': 'recentre' }),
      view && !view.expanded ? actionButton('Expand neighbours', actions.expand, { 'data-action': 'expand' }) : null,
      view ? actionButton(view.pinned ? 'Unpin' : 'Pin', actions.togglePin, { 'data-action': 'pin', 'aria-pressed': String(view.pinned) }) : null,
      view ? actionButton(view.collapsed ? 'Unfold leaves' : 'Collapse leaves', actions.toggleCollapse, { 'data-action': 'collapse', 'aria-pressed': String(view.collapsed) }) : null,
      view && !isCentre ? actionButton('Hide', actions.hide, { 'data-action': 'hide' }) : null,
    ),
    h('h3', null, 'Properties'),
    namedValues(entity.properties, 'No properties.'),
    relationships ?? '',
    h('h3', null, `Provenance (${entity.provenance.length})`),
    provenanceList(entity.provenance),
    h('p', { className: 'entity-id' }, 'ID ', h('code', null, entity.id)),
  );
}

export function renderRelationships(panel: HTMLElement, relationships: readonly RelationshipDetails[], onSelectNode: (id: string) => void): void {
  const first = relationships[0];
  const endpoint = (end: RelationshipDetails['start']) =>
    h('button', { type: 'button', className: 'link', onclick: () => onSelectNode(end.id) }, swatchFor(end.kind), end.label);
  panel.replaceChildren(
    h('h2', { className: 'entity-title' }, relationships.length > 1 ? `${relationships.length} × ${first.type}` : first.type),
    h('p', { className: 'entity-kind' }, relationships.length > 1 ? 'Relationships' : 'Relationship'),
    h(
      'ol',
      { className: 'relationships' },
      relationships.map((relationship) =>
        h(
          'li',
          { className: 'relationship', dataset: { id: relationship.id } },
          h('p', { className: 'edge-ends' }, endpoint(relationship.start), ` —${relationship.type}→ `, endpoint(relationship.end)),
          h('h3', null, 'Qualifiers'),
          namedValues(relationship.qualifiers, 'None.'),
          h('h3', null, `Provenance (${relationship.provenance.length})`),
          provenanceList(relationship.provenance),
          h('p', { className: 'entity-id' }, 'ID ', h('code', null, relationship.id)),
        ),
      ),
    ),
  );
}

export function renderBundle(panel: HTMLElement, bundle: ViewNode, memberTitles: ReadonlyMap<string, string>, onOpen: () => void, onSelectNode: (id: string) => void): void {
  const members = bundle.bundle?.memberIds ?? [];
  panel.replaceChildren(
    h('h2', { className: 'entity-title' }, bundle.label),
    h('p', { className: 'entity-kind' }, `${members.length} entities joined by ${bundle.bundle?.type ?? ''}, drawn as one bundle`),
    h('div', { className: 'entity-actions' }, actionButton('Expand bundle', onOpen, { 'data-action': 'open-bundle' })),
    h('h3', null, 'Members'),
    h(
      'ul',
      { className: 'bundle-members' },
      members.map((id) => h('li', null, h('button', { type: 'button', className: 'link', onclick: () => onSelectNode(id) }, memberTitles.get(id) ?? id))),
    ),
  );
}

function namedValues(values: readonly NamedValue[], empty: string): HTMLElement {
  return values.length
    ? h('dl', { className: 'properties' }, values.map((value) => [h('dt', null, value.name), h('dd', null, value.value)]))
    : h('p', { className: 'muted' }, empty);
}

function provenanceList(items: readonly Provenance[]): HTMLElement {
  if (!items.length) return h('p', { className: 'muted' }, 'No provenance recorded.');
  return h('ol', { className: 'provenance' }, items.map(provenanceItem));
}

function provenanceItem(item: Provenance): HTMLElement {
  const title = item.source?.title || 'Untitled source';
  const url = safeUrl(item.source?.url ?? null);
  const confidence = String(item.confidence ?? '').toLowerCase();
  return h(
    'li',
    null,
    h(
      'div',
      { className: 'provenance-source' },
      url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, title) : title,
      item.confidence ? h('span', { className: `confidence confidence-${confidence}` }, item.confidence) : null,
    ),
    item.quote ? h('blockquote', null, item.quote) : null,
    item.rawLabel ? h('p', { className: 'provenance-note' }, 'Source wording: ', h('q', null, item.rawLabel)) : null,
    item.note ? h('p', { className: 'provenance-note' }, item.note) : null,
  );
}

function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
