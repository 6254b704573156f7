import path from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import { CypherLibrary } from '../../src/db/cypherLibrary';
import { composeList, LISTS } from '../../src/data/lists';
import { EMPTY_PLAN, projectionOf, type PrefetchPlan } from '../../src/data/prefetch';
import { pageRequestOf, readAheadKey, relationshipSlots } from '../../src/data/relationshipPages';
import { TEMPORAL_PROPERTIES } from '../../src/graph/model';
import { LIMITS } from '../../src/limits';
import { RELATIONSHIP_CONNECTIONS, RELATIONSHIP_SINGULARS } from '../../src/graph/relationshipFields';
import { loadTypeDefs } from '../../src/graphql/typeDefs';
import { repositoryRoot } from '../../src/config';

const library = CypherLibrary.load(path.join(repositoryRoot(), 'cypher'));
const firstPage = { size: 20, backward: false, position: null };
const byName = { field: 'NAME' as const, descending: false };

describe('composing a root list from fragments', () => {
  it('puts only the filters a request uses into the statement', () => {
    const composed = composeList(library, LISTS.organizations, { organizationKinds: ['NETWORK'], nameContains: null, headquarteredIn: undefined }, firstPage, byName);
    expect(composed.page.match).toBe('MATCH (n:Organization)');
    expect(composed.page.where).toBe('n.sortName IS NOT NULL\n  AND (n.kind IN $organizationKinds)');
    expect(composed.params).toEqual({ organizationKinds: ['NETWORK'] });
    expect(composed.page.where).not.toMatch(/IS NULL OR/);
  });

  it('starts from the entity a relationship filter names, and checks a second one as EXISTS', () => {
    const composed = composeList(library, LISTS.organizations, { headquarteredIn: 'CN', hasPositionHeldByStaffOf: 'cgs' }, firstPage, byName);
    // Filters are taken in name order, so the anchor does not depend on the order of the arguments.
    expect(composed.page.match).toMatch(/^MATCH \(staff:Organization\)<-\[:HELD_BY_STAFF_OF\]-.*\nWHERE staff.key = .*\nWITH DISTINCT n$/);
    expect(composed.page.where).toContain('EXISTS { MATCH (:Country {key: $headquarteredIn})<-[:HEADQUARTERED_IN]-(n:Organization) }');
  });

  it('filters the count exactly as the page, without the seek and the sort-key predicate', () => {
    const filter = { eventKinds: ['CONFERENCE'], organizedBy: 'cgs', yearFrom: 2006 };
    const composed = composeList(library, LISTS.events, filter, { size: 5, backward: false, position: 'x' }, { field: 'YEAR', descending: false });
    expect(composed.count.match).toBe(composed.page.match);
    const pageFilters = composed.page.where.split('\n  AND ').filter((part) => !part.includes('sortYear'));
    expect(composed.count.where.split('\n  AND ')).toEqual(pageFilters);
  });

  it('seeks after the cursor on the stored sort key, reversed for descending orders and backward pages', () => {
    const after = composeList(library, LISTS.organizations, {}, { size: 20, backward: false, position: 'p' }, byName);
    expect(after.page).toMatchObject({ sortKey: 'sortName', direction: 'ASC' });
    expect(after.page.where).toContain('n.sortName > $position');
    const backward = composeList(library, LISTS.organizations, {}, { size: 20, backward: true, position: 'p' }, byName);
    expect(backward.page).toMatchObject({ direction: 'DESC' });
    expect(backward.page.where).toContain('n.sortName < $position');
    const descendingBackward = composeList(library, LISTS.events, {}, { size: 20, backward: true, position: 'p' }, { field: 'YEAR', descending: true });
    expect(descendingBackward.page).toMatchObject({ sortKey: 'sortYear', direction: 'ASC' });
    expect(descendingBackward.page.where).toContain('n.sortYear > $position');
  });

  it('fills every slot of the list templates and nothing else', () => {
    const composed = composeList(library, LISTS.countries, { memberOf: 'ccop', codes: ['CN'] }, firstPage, { field: 'CODE', descending: false });
    const projection = projectionOf(library, EMPTY_PLAN).text;
    expect(library.compose('lists/page', { ...composed.page, projection })).not.toMatch(/\{\{/);
    expect(library.compose('lists/count', composed.count)).not.toMatch(/\{\{/);
    expect(() => library.compose('lists/page', { ...composed.page, projection, extra: 'x' })).toThrow(/no slot extra/);
    expect(() => library.compose('lists/count', { match: 'MATCH (n)' })).toThrow(/needs the slot/);
  });

  it('has a fragment file for every filter a list resolver passes', () => {
    const filters: Record<string, string[]> = {
      organizations: ['nameContains', 'organizationKinds', 'hasPositionHeldByStaffOf', 'headquarteredIn'],
      countries: ['nameContains', 'codes', 'inRegion', 'memberOf'],
      events: ['nameContains', 'year', 'yearFrom', 'yearTo', 'eventKinds', 'organizedBy', 'hostCountry'],
      projects: ['nameContains', 'level', 'theme', 'targetsRegion'],
    };
    for (const [list, names] of Object.entries(filters)) {
      const spec = LISTS[list as keyof typeof LISTS];
      expect(() => composeList(library, spec, Object.fromEntries(names.map((name) => [name, 'x'])), firstPage, byName)).not.toThrow();
    }
  });
});

describe('reading relationship pages ahead', () => {
  const page = (name: string, field: string, type: 'HEADQUARTERED_IN' | 'PARTICIPATES_IN', direction: 'INCOMING' | 'OUTGOING', other: 'Organization' | 'Project', first: number, child: PrefetchPlan, count = false, probe = false) => {
    const request = { field, first, selection: { types: [type], direction, other }, bounds: LIMITS.relationshipPage };
    return { name, qualifiers: [] as string[], edge: '', count, probe, child, request, pageKey: readAheadKey(pageRequestOf('', request).key) };
  };

  it('nests one COLLECT per relationship field, each ordered and limited per parent inside Cypher, with the extra row only where pageInfo asks whether there is more', () => {
    const plan: PrefetchPlan = { fields: [page('k1', 'headquarteredOrganizations', 'HEADQUARTERED_IN', 'INCOMING', 'Organization', 10, { fields: [page('k2', 'projects', 'PARTICIPATES_IN', 'OUTGOING', 'Project', 5, EMPTY_PLAN)] }, true, true)] };
    const { text, params } = projectionOf(library, plan, 'n');
    expect(text).toMatch(/^\{ labels: labels\(n\), props: properties\(n\), prefetched: \{ k1: COLLECT \{/);
    expect(text).toContain('MATCH (n)<-[r1_0:HEADQUARTERED_IN]-(o1_0:Organization)');
    expect(text).toContain('MATCH (o1_0)-[r2_0:PARTICIPATES_IN]->(o2_0:Project)');
    expect(text).toContain('k1_count: COUNT { MATCH (n)<-[r1_0:HEADQUARTERED_IN]-(:Organization) }');
    expect(text).toContain('LIMIT $limit_k1');
    expect(Number(params.limit_k1)).toBe(11);
    expect(Number(params.limit_k2)).toBe(5);
    expect(text).not.toMatch(/\{\{|\/\//);
  });

  it('reads only what the query selects: the edge properties asked for, no positions without cursors, no labels, type or direction the field fixes', () => {
    const plan: PrefetchPlan = { fields: [{ ...page('k1', 'projects', 'PARTICIPATES_IN', 'OUTGOING', 'Project', 5, EMPTY_PLAN), qualifiers: ['role'], edge: 'ProjectParticipationEdge' }] };
    const needs = new Map<string, Set<string> | 'all'>([
      ['Organization', new Set(['name'])],
      ['Project', new Set(['name'])],
      ['ProjectParticipationEdge', new Set(['role', 'node'])],
    ]);
    const { text } = projectionOf(library, plan, 'n', needs, 'Organization');
    expect(text).toMatch(/^\{ props: n \{\.key, \.name\}, prefetched:/);
    // Rows are lists: [id, relationship properties, position, other end, type, outgoing], null what is not read.
    expect(text).toContain('RETURN [null, r1_0 {.role}, position_k1, { props: o1_0 {.key, .name} }, null, null]');
    expect(text).toContain('null AS position_k1');
    expect(text).not.toMatch(/labels|type\(r1_0\)|startNode|validFrom|provenance/);

    const withCursors = projectionOf(library, plan, 'n', new Map([...needs, ['ProjectParticipationEdge', new Set(['cursor', 'validFrom'])]]), 'Organization').text;
    expect(withCursors).toContain('o1_0.sortName + $separator + r1_0.id AS position_k1');
    expect(withCursors).toContain('RETURN [null, r1_0 {.validFrom}, position_k1,');
    const withIds = projectionOf(library, plan, 'n', new Map([...needs, ['ProjectParticipationEdge', new Set(['id'])]]), 'Organization').text;
    expect(withIds).toContain('RETURN [r1_0.id, null, position_k1,');
  });
});

describe('relationship fields', () => {
  it('write the relationship type and direction from the allow-list into the pattern', () => {
    expect(relationshipSlots(library, { types: ['MEMBER_OF'], direction: 'INCOMING', other: 'Country' })).toEqual({ pattern: '<-[r:MEMBER_OF]-', other: 'Country' });
    expect(relationshipSlots(library, { types: ['ORGANIZED', 'HELD_IN'], direction: null, other: null })).toEqual({ pattern: '-[r:HELD_IN|ORGANIZED]-', other: 'Entity' });
    expect(() => relationshipSlots(library, { types: ['x]-() DETACH DELETE (' as never], direction: 'OUTGOING', other: null })).toThrow(/Not a relationship type/);
  });

  it('match the SDL: each table entry names a field of its type, each edge type lists the entry qualifiers and when it held', () => {
    const schema = buildSchema(loadTypeDefs(repositoryRoot()).join('\n'));
    for (const field of [...RELATIONSHIP_CONNECTIONS, ...RELATIONSHIP_SINGULARS]) {
      const owner = schema.getType(field.owner);
      expect(isObjectType(owner) && owner.getFields()[field.field] !== undefined).toBe(true);
    }
    for (const field of RELATIONSHIP_CONNECTIONS) {
      const edge = schema.getType(field.edge);
      if (!isObjectType(edge)) throw new Error(`${field.edge} is not an object type`);
      const extra = Object.keys(edge.getFields()).filter((name) => !['cursor', 'id', 'type', 'node', 'provenance', ...TEMPORAL_PROPERTIES].includes(name));
      // Every relationship may say when it held: every typed edge shows it.
      expect(TEMPORAL_PROPERTIES.filter((name) => edge.getFields()[name] === undefined)).toEqual([]);
      expect({ edge: field.edge, qualifiers: extra.sort() }).toEqual({ edge: field.edge, qualifiers: [...field.qualifiers].sort() });
    }
  });

  it('cover every field of the SDL whose type is a relationship connection', () => {
    const schema = buildSchema(loadTypeDefs(repositoryRoot()).join('\n'));
    const edges = new Set(RELATIONSHIP_CONNECTIONS.map((field) => field.edge.replace(/Edge$/, 'Connection')));
    const inSdl = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((type) => Object.values(type.getFields()).map((f) => ({ type: type.name, field: f.name, returns: String(f.type).replace(/!$/, '') })))
      .filter((f) => edges.has(f.returns))
      .map((f) => `${f.type}.${f.field}`);
    expect(inSdl.sort()).toEqual(RELATIONSHIP_CONNECTIONS.map((f) => `${f.owner}.${f.field}`).sort());
  });
});
