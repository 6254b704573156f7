import { BUNDLE_MIN, bundleId, computeView, emptyModel, mergeSubgraph, resetModel, type ExplorerModel } from '../../web/explorer/src/graphModel';
import { shortLabels } from '../../web/explorer/src/labels';
import type { EntityKind, GraphEdge, GraphNode, Subgraph } from '../../web/explorer/src/types';
import { readUrlState, writeUrlState } from '../../web/explorer/src/urlState';

/** The explorer's drawing rules, computed without a browser: labels, bundles, hidden kinds, collapse, URLs. */

const node = (id: string, kind: EntityKind, label: string, year: number | null = null): GraphNode => ({ id, kind, label, year });
let edgeSequence = 0;
const edge = (type: string, source: string, target: string): GraphEdge => ({ id: `r${++edgeSequence}`, type, source, target, qualifiers: [] });

/** CCOP with `members` member countries, plus CGS organizing an event of CCOP. */
function ccopGraph(members: number): Subgraph {
  const countries = Array.from({ length: members }, (_, i) => node(`Country:${i}`, 'COUNTRY', `Country ${i}`));
  return {
    center: node('Organization:ccop', 'ORGANIZATION', 'CCOP — Coordinating Committee for Geoscience Programmes'),
    nodes: [node('Organization:cgs', 'ORGANIZATION', 'CGS — China Geological Survey'), ...countries],
    edges: [edge('PARTICIPATES_IN', 'Organization:cgs', 'Organization:ccop'), ...countries.map((country) => edge('MEMBER_OF', country.id, 'Organization:ccop'))],
    truncated: false,
  };
}

function modelOf(subgraph: Subgraph): ExplorerModel {
  const model = emptyModel();
  resetModel(model, subgraph);
  return model;
}

describe('short labels', () => {
  it('tells apart long labels that share their beginning and end by the words in between', () => {
    const labels = shortLabels([
      node('p1', 'POSITION', 'Important position in CCOP held by a CGS scientist'),
      node('p2', 'POSITION', 'Important position in IUGS held by a CGS scientist'),
      node('p3', 'POSITION', 'Important position in the Global Geoparks Network held by a CGS scientist'),
    ]);
    expect(labels.get('p1')).toBe('…CCOP…');
    expect(labels.get('p2')).toBe('…IUGS…');
    expect(labels.get('p3')).toBe('…Global Geoparks Network…');
    expect(new Set(labels.values()).size).toBe(3);
  });

  it('uses an organization’s acronym and puts the year after an event’s name once', () => {
    const labels = shortLabels([
      node('cgs', 'ORGANIZATION', 'CGS — China Geological Survey'),
      node('e1', 'EVENT', 'International Geochemical Mapping Meeting 2009', 2009),
      node('e2', 'EVENT', '42nd CCOP Annual Session', 2005),
    ]);
    expect(labels.get('cgs')).toBe('CGS');
    expect(labels.get('e1')).toBe('International Geochemical… (2009)');
    expect(labels.get('e2')).toBe('42nd CCOP Annual Session (2005)');
  });

  it('numbers labels that would still read the same', () => {
    const labels = shortLabels([node('a', 'THEME', 'Geology'), node('b', 'THEME', 'Geology')]);
    expect([labels.get('a'), labels.get('b')]).toEqual(['Geology', 'Geology (2)']);
  });
});

describe('the drawn view', () => {
  it(`bundles ${BUNDLE_MIN} or more leaves joined to one node by one relationship type into a counted bundle`, () => {
    const view = computeView(modelOf(ccopGraph(16)));
    const bundle = view.nodes.find((candidate) => candidate.bundle);
    expect(bundle?.label).toBe('16 × MEMBER_OF');
    expect(bundle?.id).toBe(bundleId('Organization:ccop', 'MEMBER_OF', false));
    expect(view.nodes.map((candidate) => candidate.id).sort()).toEqual([bundle!.id, 'Organization:ccop', 'Organization:cgs'].sort());
    const bundleEdge = view.edges.find((candidate) => candidate.source === bundle!.id);
    expect(bundleEdge?.target).toBe('Organization:ccop');
    expect(bundleEdge?.relationshipIds).toHaveLength(16);
    expect(bundleEdge?.label).toBe('16 × MEMBER_OF');
  });

  it('draws fewer leaves than the bundle size one by one, and an opened bundle’s members one by one', () => {
    expect(computeView(modelOf(ccopGraph(BUNDLE_MIN - 1))).nodes.some((candidate) => candidate.bundle)).toBe(false);
    const model = modelOf(ccopGraph(16));
    model.openBundles.add(bundleId('Organization:ccop', 'MEMBER_OF', false));
    const view = computeView(model);
    expect(view.nodes.filter((candidate) => candidate.kind === 'COUNTRY')).toHaveLength(16);
    expect(view.nodes.some((candidate) => candidate.bundle)).toBe(false);
  });

  it('merges parallel relationships of one type between the same two nodes into one counted edge', () => {
    const subgraph: Subgraph = {
      center: node('a', 'ORGANIZATION', 'A'),
      nodes: [node('b', 'EVENT', 'B')],
      edges: [edge('ORGANIZED', 'a', 'b'), edge('ORGANIZED', 'a', 'b'), edge('ATTENDED', 'a', 'b')],
      truncated: false,
    };
    const edges = computeView(modelOf(subgraph)).edges;
    expect(edges.map((candidate) => candidate.label).sort()).toEqual(['2 × ORGANIZED', 'ATTENDED']);
  });

  it('keeps a kind hidden in the legend hidden when an expansion brings more nodes of that kind', () => {
    const model = modelOf(ccopGraph(2));
    model.hiddenKinds.add('COUNTRY');
    expect(computeView(model).nodes.some((candidate) => candidate.kind === 'COUNTRY')).toBe(false);
    mergeSubgraph(model, { center: node('Organization:cgs', 'ORGANIZATION', 'CGS — China Geological Survey'), nodes: [node('Country:cn', 'COUNTRY', 'China')], edges: [edge('LOCATED_IN', 'Organization:cgs', 'Country:cn')], truncated: false });
    expect(model.nodes.has('Country:cn')).toBe(true);
    expect(computeView(model).nodes.some((candidate) => candidate.kind === 'COUNTRY')).toBe(false);
  });

  it('folds away the leaves of a collapsed node but keeps the centre, pinned nodes and nodes linked elsewhere', () => {
    const subgraph: Subgraph = {
      center: node('c', 'ORGANIZATION', 'Centre'),
      nodes: [node('x', 'ORGANIZATION', 'X'), node('leaf', 'THEME', 'Leaf'), node('pinned', 'THEME', 'Pinned'), node('shared', 'THEME', 'Shared')],
      edges: [edge('A', 'c', 'x'), edge('HAS_THEME', 'x', 'leaf'), edge('HAS_THEME', 'x', 'pinned'), edge('HAS_THEME', 'x', 'shared'), edge('HAS_THEME', 'c', 'shared')],
      truncated: false,
    };
    const model = modelOf(subgraph);
    model.collapsed.add('x');
    model.pinned.add('pinned');
    const drawn = computeView(model).nodes.map((candidate) => candidate.id).sort();
    expect(drawn).toEqual(['c', 'pinned', 'shared', 'x']);
  });

  it('never hides the centre, even when its kind is hidden', () => {
    const model = modelOf(ccopGraph(1));
    model.hiddenKinds.add('ORGANIZATION');
    expect(computeView(model).nodes.map((candidate) => candidate.id)).toEqual(['Organization:ccop', 'Country:0']);
  });
});

describe('explorer URLs', () => {
  it('round-trip the centre, depth, hidden kinds and path endpoints, and drop what they do not know', () => {
    const state = { centerId: 'T3JnOmNncw==', depth: 2 as const, hiddenKinds: ['THEME', 'COUNTRY'] as EntityKind[], pathFrom: 'a', pathTo: 'b' };
    const search = writeUrlState(state);
    expect(readUrlState(search)).toEqual({ ...state, hiddenKinds: ['COUNTRY', 'THEME'] });
    expect(readUrlState('?id=x&depth=7&hide=COUNTRY,NOPE')).toEqual({ centerId: 'x', depth: 1, hiddenKinds: ['COUNTRY'], pathFrom: null, pathTo: null });
    expect(writeUrlState({ centerId: null, depth: 1, hiddenKinds: [], pathFrom: null, pathTo: null })).toBe('');
  });
});
