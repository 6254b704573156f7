import DataLoader from 'dataloader';
import neo4j from 'neo4j-driver';
import type { CypherReader } from '../db/cypherRunner';
import type { CypherLibrary } from '../db/cypherLibrary';
import { SORT_PROPERTIES, SORT_SEPARATOR } from '../graph/storedProperties';
import { typeExpression, type NodeLabel, type RelationshipType } from '../graph/vocabulary';
import type { Bounds } from '../limits';
import type { CursorBinding } from './cursors';
import { whereHeldOn } from './heldOn';
import { pageWindow, toPage, type ConnectionRecord, type PageArgs, type PageInfo, type PageWindow } from './pagination';
import type { ListCompletenessResult } from './listCompleteness';
import { toEntityRecordOf, type EntityRecord, type RelationshipRecord } from './records';

/**
 * Relationship connections (`Organization.memberCountries`, `Entity.relationships` …): one statement per
 * field, window and order for all parents of a nesting level (batched by DataLoader), the per-parent limit
 * applied inside Cypher, the count in its own statement only when `totalCount` is selected.
 */
export interface RelationshipSelection {
  /** Null: every type (the generic `relationships` field), else from the allow-list. */
  types: readonly RelationshipType[] | null;
  /** Seen from the parent; null: both. */
  direction: 'OUTGOING' | 'INCOMING' | null;
  /** The other end's label; null: any entity. */
  other: NodeLabel | null;
  /** Only relationships that held on this day (YYYY-MM-DD); null or absent: all, whenever they held. */
  asOf?: string | null;
}

export type LinkOrderField = 'NAME' | 'KEY';

export interface RelationshipPageRequest extends PageArgs {
  /** Names the field in cursors, e.g. `memberCountries`. */
  field: string;
  selection: RelationshipSelection;
  orderBy?: { field: LinkOrderField; direction?: 'ASC' | 'DESC' | null } | null;
  bounds: Bounds;
}

export interface PageKey {
  parentUid: string;
  /** The field that reads the page: two fields over the same relationships (`Claim.subjects` and
   * `Claim.relationships(types: [ABOUT])`) read different edge properties, so they never share a page. */
  field: string;
  selection: RelationshipSelection;
  window: PageWindow;
  sortKey: string;
  descending: boolean;
  /** The generic field orders by type first. */
  byType: boolean;
}

export interface RelationshipLoaders {
  pages: DataLoader<PageKey, PageRow[], string>;
  counts: DataLoader<{ parentUid: string; selection: RelationshipSelection }, number, string>;
}

/**
 * The bracket of a relationship pattern for `rel`, e.g. `[r:MEMBER_OF WHERE …]`: its types from the allow-list
 * (null: every type; `[]`: none, so it matches nothing), and as of a day the relationships whose stored bounds
 * contain it (no bounds: always held). Shared by relationship pages and the neighbourhood walk.
 */
export function relationshipBracket(library: CypherLibrary, rel: string, types: readonly RelationshipType[] | null, asOf: string | null | undefined): string {
  if (types?.length === 0) return `[${rel} WHERE false]`;
  return `[${rel}${types === null ? '' : `:${typeExpression(types)}`}${whereHeldOn(library, rel, asOf)}]`;
}

/** The slots of relationships/page.cypher and count.cypher: types and labels only from the allow-lists. */
export function relationshipSlots(library: CypherLibrary, selection: RelationshipSelection, rel = 'r'): { pattern: string; other: string } {
  const relationship = relationshipBracket(library, rel, selection.types, selection.asOf);
  const pattern = selection.direction === 'OUTGOING' ? `-${relationship}->` : selection.direction === 'INCOMING' ? `<-${relationship}-` : `-${relationship}-`;
  return { pattern, other: selection.other ?? 'Entity' };
}

/** A relationship read from a parent, as relationships/page.cypher (and the prefetch projection) return it. */
export function toPageRow(parentUid: string, row: Record<string, unknown>, shape: PageRowShape = {}): PageRow {
  const node = toEntityRecordOf(row.other, shape.label);
  const outgoing = shape.outgoing ?? Boolean(row.outgoing);
  return {
    // Null when the statement made no positions (no cursor selected): no cursor is ever made from it.
    position: row.position === null || row.position === undefined ? '' : String(row.position),
    rel: {
      // Empty when the statement left it out (no edge id selected): no id is ever made from it.
      id: row.id === null || row.id === undefined ? '' : String(row.id),
      type: shape.type ?? (row.type as RelationshipType),
      direction: outgoing ? 'OUTGOING' : 'INCOMING',
      props: (row.relProps ?? {}) as Record<string, unknown>,
      node,
      startUid: outgoing ? parentUid : node.uid,
      endUid: outgoing ? node.uid : parentUid,
    },
  };
}

/** What a statement may leave out of its rows because the field fixes it (the prefetch does). */
export interface PageRowShape {
  type?: RelationshipType;
  outgoing?: boolean;
  label?: NodeLabel;
}

export interface PageRow {
  rel: RelationshipRecord;
  position: string;
}

/** The ORDER BY of a relationship page: the other end's sort key, then the relationship id, as separate keys. */
export function orderExpression(key: Pick<PageKey, 'byType' | 'sortKey'>, rel: string, other: string, direction: 'ASC' | 'DESC'): string {
  return [...(key.byType ? [`type(${rel})`] : []), `${other}.${key.sortKey}`, `${rel}.id`].map((part) => `${part} ${direction}`).join(', ');
}

/** The unique position of a relationship in its list: the other end's sort key, then the relationship id. */
export function positionExpression(key: Pick<PageKey, 'byType' | 'sortKey'>, rel: string, other: string): string {
  return `${key.byType ? `type(${rel}) + $separator + ` : ''}${other}.${key.sortKey} + $separator + ${rel}.id`;
}

function selectionKey(selection: RelationshipSelection): string {
  return `${selection.types?.join('|') ?? '*'}/${selection.direction ?? '*'}/${selection.other ?? '*'}/${selection.asOf ?? '*'}`;
}

function windowKey(key: PageKey): string {
  return `${key.field}/${selectionKey(key.selection)}/${key.sortKey}/${key.descending}/${key.byType}/${key.window.backward}/${key.window.size}/${key.window.position ?? ''}`;
}

export function createRelationshipLoaders(cypher: CypherReader): RelationshipLoaders {
  return {
    pages: new DataLoader(
      async (keys) => {
        // Parents asking for the same field with the same window share one statement.
        const groups = new Map<string, PageKey[]>();
        for (const key of keys) groups.set(windowKey(key), [...(groups.get(windowKey(key)) ?? []), key]);
        const byParent = new Map<string, PageRow[]>();
        await Promise.all(
          [...groups.entries()].map(async ([groupKey, group]) => {
            const [first] = group;
            const reverse = first.descending !== first.window.backward;
            const position = positionExpression(first, 'r', 'other');
            const rows = await cypher.readTemplate(
              'relationships/page',
              {
                ...relationshipSlots(cypher.library, first.selection),
                position,
                seek: first.window.position === null ? '' : `WHERE ${position} ${reverse ? '<' : '>'} $position`,
                order: orderExpression(first, 'r', 'other', reverse ? 'DESC' : 'ASC'),
              },
              {
                parents: group.map((key) => key.parentUid),
                separator: SORT_SEPARATOR,
                position: first.window.position,
                limit: neo4j.int(first.window.size + 1),
                asOf: first.selection.asOf ?? null,
              },
            );
            for (const key of group) byParent.set(`${key.parentUid}|${groupKey}`, []);
            for (const row of rows) byParent.get(`${String(row.parentUid)}|${groupKey}`)!.push(toPageRow(String(row.parentUid), row));
          }),
        );
        return keys.map((key) => byParent.get(`${key.parentUid}|${windowKey(key)}`) ?? []);
      },
      { cacheKeyFn: (key) => `${key.parentUid}|${windowKey(key)}` },
    ),
    counts: new DataLoader(
      async (keys) => {
        const groups = new Map<string, Array<{ parentUid: string; selection: RelationshipSelection }>>();
        for (const key of keys) groups.set(selectionKey(key.selection), [...(groups.get(selectionKey(key.selection)) ?? []), key]);
        const totals = new Map<string, number>();
        await Promise.all(
          [...groups.entries()].map(async ([groupKey, group]) => {
            const rows = await cypher.readTemplate('relationships/count', relationshipSlots(cypher.library, group[0].selection), {
              parents: group.map((key) => key.parentUid),
              asOf: group[0].selection.asOf ?? null,
            });
            for (const row of rows) totals.set(`${String(row.parentUid)}|${groupKey}`, Number(row.total));
          }),
        );
        return keys.map((key) => totals.get(`${key.parentUid}|${selectionKey(key.selection)}`) ?? 0);
      },
      { cacheKeyFn: (key) => `${key.parentUid}|${selectionKey(key.selection)}` },
    ),
  };
}

/** A page of relationships of one entity, each with its cursor; adapted to the two connection shapes below. */
export interface RelationshipPage {
  relationships: RelationshipRecord[];
  /** A promise only for a page read ahead without the extra row, should `pageInfo` be asked after all. */
  pageInfo: PageInfo | Promise<PageInfo>;
  totalCount: () => Promise<number>;
}

/** A typed relationship connection (`memberCountries` …): the edge is the relationship, `nodes` its other ends. */
export interface LinkConnectionRecord {
  edges: RelationshipRecord[];
  nodes: EntityRecord[];
  pageInfo: PageInfo | Promise<PageInfo>;
  totalCount: () => Promise<number>;
  /** How complete the source says the whole list is (src/data/listCompleteness.ts), read only when selected. */
  completeness: () => Promise<ListCompletenessResult>;
}

export function asLinkConnection(page: RelationshipPage, completeness: LinkConnectionRecord['completeness']): LinkConnectionRecord {
  return {
    edges: page.relationships,
    nodes: page.relationships.map((rel) => rel.node),
    // Read when selected: a page read ahead has it only where the operation selects it.
    get pageInfo() {
      return page.pageInfo;
    },
    totalCount: page.totalCount,
    completeness,
  };
}

/** The generic `Entity.relationships` connection: the edge holds the relationship as its node. */
export function asRelationshipConnection(page: RelationshipPage): ConnectionRecord<RelationshipRecord> {
  return {
    edges: page.relationships.map((rel) => ({
      get cursor() {
        return rel.cursor!;
      },
      node: rel,
    })),
    nodes: page.relationships,
    get pageInfo() {
      return page.pageInfo;
    },
    totalCount: page.totalCount,
  };
}

/** Where one relationship page of one parent starts and how it is keyed in the loader (shared with the prefetch). */
export function pageRequestOf(parentUid: string, request: RelationshipPageRequest): { key: PageKey; binding: CursorBinding } {
  const orderField = request.orderBy?.field ?? 'NAME';
  const descending = request.orderBy?.direction === 'DESC';
  const binding: CursorBinding = {
    list: `${parentUid}/${request.field}`,
    filter: { types: request.selection.types, direction: request.selection.direction, asOf: request.selection.asOf ?? null },
    order: `${orderField} ${descending ? 'DESC' : 'ASC'}`,
  };
  const window = pageWindow(request, request.bounds, binding);
  return {
    binding,
    key: {
      parentUid,
      field: request.field,
      selection: request.selection,
      window,
      sortKey: orderField === 'KEY' ? SORT_PROPERTIES.CODE : SORT_PROPERTIES.NAME,
      descending,
      byType: request.selection.types === null || request.selection.types.length > 1,
    },
  };
}

/**
 * A page read ahead (src/data/prefetch.ts), kept on its parent's record under readAheadKey: served without a
 * statement and without a promise. `probed`: read with the extra row that says whether there is more, which
 * only `pageInfo` needs, so it is read only where the operation selects `pageInfo` below the field.
 */
export interface ReadAheadPage {
  rows: PageRow[];
  probed: boolean;
  /** The relationships in all, where `totalCount` was selected. */
  count?: number;
}

/** The key of a read-ahead page on its parent's record: the field, selection, order and window. */
export function readAheadKey(key: PageKey): string {
  return windowKey(key);
}

/**
 * Keeps `page` on `parent` under `name`. Two selections of the same page (aliases, fragments) keep one: the
 * probed one if either is, with what each read ahead below its rows (the first rows are the same rows, in
 * the same order, read in the same statement).
 */
export function keepReadAhead(parent: EntityRecord, name: string, page: ReadAheadPage): void {
  const pages = (parent.readAhead ??= new Map());
  const kept = pages.get(name);
  if (!kept) {
    pages.set(name, page);
    return;
  }
  const [winner, other] = page.probed && !kept.probed ? [page, kept] : [kept, page];
  winner.count ??= other.count;
  for (let index = 0; index < Math.min(winner.rows.length, other.rows.length); index += 1) {
    const below = other.rows[index].rel.node.readAhead;
    if (!below) continue;
    for (const [childName, childPage] of below) keepReadAhead(winner.rows[index].rel.node, childName, childPage);
  }
  pages.set(name, winner);
}

/**
 * One relationship page of one parent entity: from what was read ahead into the parent's record when it is
 * there (then synchronously), else through the batched loaders.
 */
export function relationshipPage(loaders: RelationshipLoaders, parent: EntityRecord, request: RelationshipPageRequest): RelationshipPage | Promise<RelationshipPage> {
  const { key, binding } = pageRequestOf(parent.uid, request);
  const totalCount = () => loaders.counts.load({ parentUid: parent.uid, selection: request.selection });
  if (key.window.size === 0) return pageOf([], key.window, binding, totalCount, null);
  const ahead = parent.readAhead?.get(readAheadKey(key));
  if (ahead) {
    const { count } = ahead;
    // Read without the extra row (the plan saw no `pageInfo` below the field): whether there is more is read
    // only if it is asked after all, by the loaders, in a statement of its own.
    const pageInfo = ahead.probed ? null : () => loaders.pages.load(key).then((rows) => toPage(rows, key.window, binding, (row) => row.position).pageInfo);
    return pageOf(ahead.rows, key.window, binding, count === undefined ? totalCount : () => Promise.resolve(count), pageInfo);
  }
  return loaders.pages.load(key).then((rows) => pageOf(rows, key.window, binding, totalCount, null));
}

/** `laterPageInfo`: where the rows cannot tell whether there is more, how to find out when asked (else null). */
function pageOf(
  rows: readonly PageRow[],
  window: PageWindow,
  binding: CursorBinding,
  totalCount: () => Promise<number>,
  laterPageInfo: (() => Promise<PageInfo>) | null,
): RelationshipPage {
  const page = toPage(rows, window, binding, (row) => row.position);
  return {
    relationships: page.items.map((row, index) => ({
      ...row.rel,
      get cursor() {
        return page.cursorAt(index);
      },
    })),
    get pageInfo() {
      return laterPageInfo ? laterPageInfo() : page.pageInfo;
    },
    totalCount,
  };
}
