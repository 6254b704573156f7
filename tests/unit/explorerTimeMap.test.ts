import { countClass, countryCounts } from '../../web/explorer/src/geo';
import { emptyModel, resetModel } from '../../web/explorer/src/graphModel';
import { nodeRelationshipTable, subgraphExportHref } from '../../web/explorer/src/exportFiles';
import { timelineItems, withinYears, yearOf } from '../../web/explorer/src/timeline';

/** The explorer's timeline, map and subgraph downloads, computed without a browser. */

function sampleModel() {
  const model = emptyModel();
  resetModel(model, {
    center: { id: 'cgs', kind: 'ORGANIZATION', label: 'China Geological Survey', foundedYear: 1999 },
    nodes: [
      { id: 'cn', kind: 'COUNTRY', label: 'China', countryCode: 'CN' },
      { id: 'vn', kind: 'COUNTRY', label: 'Vietnam', countryCode: 'vn' },
      { id: 'e1', kind: 'EVENT', label: 'Congress of hydrogeologists', year: 2006, startDate: '2006-10-09' },
      { id: 'mnr', kind: 'ORGANIZATION', label: 'Ministry of Natural Resources' },
    ],
    edges: [
      { id: 'r1', type: 'LOCATED_IN', source: 'cgs', target: 'cn', qualifiers: [] },
      { id: 'r2', type: 'PART_OF', source: 'cgs', target: 'mnr', qualifiers: [{ name: 'startDate', value: '2018-03-19' }] },
      { id: 'r3', type: 'HOSTED_IN', source: 'e1', target: 'cn', qualifiers: [{ name: 'asOf', value: 'Current member list' }] },
      { id: 'r4', type: 'MEMBER_OF', source: 'vn', target: 'cgs', qualifiers: [{ name: 'since', value: 'the 1990s' }] },
    ],
    truncated: false,
  });
  return model;
}

describe('explorer timeline', () => {
  it('reads the year of whole years and ISO dates only', () => {
    expect([yearOf('2006'), yearOf('2006-10-09'), yearOf(2018), yearOf('Current member list'), yearOf('the 1990s'), yearOf(null)]).toEqual([2006, 2006, 2018, null, null, null]);
  });

  it('lists events, founding years and dated relationships in time order', () => {
    const items = timelineItems(sampleModel());
    expect(items.map((item) => [item.year, item.what, item.entityId])).toEqual([
      [1999, 'Founded', 'cgs'],
      [2006, 'Event', 'e1'],
      [2018, 'PART_OF starts', 'cgs'],
    ]);
    expect(items[1].date).toBe('2006-10-09');
    expect(items[2].label).toBe('China Geological Survey → Ministry of Natural Resources');
  });

  it('keeps only the items within the chosen years, either end open', () => {
    const items = timelineItems(sampleModel());
    expect(withinYears(items, { from: 2000, to: null }).map((item) => item.year)).toEqual([2006, 2018]);
    expect(withinYears(items, { from: null, to: 2006 }).map((item) => item.year)).toEqual([1999, 2006]);
    expect(withinYears(items, { from: 2007, to: 2010 })).toEqual([]);
  });
});

describe('explorer map', () => {
  it('counts the relationships each country of the graph is part of, matched by ISO numeric code', () => {
    expect(countryCounts(sampleModel())).toEqual([
      { id: 'cn', label: 'China', code: 'CN', numeric: '156', count: 2 },
      { id: 'vn', label: 'Vietnam', code: 'VN', numeric: '704', count: 1 },
    ]);
  });

  it('colours by count class, darker with more relationships', () => {
    expect([0, 1, 2, 4, 40].map((count) => countClass(count).text)).toEqual([
      'in the graph, no relationship drawn',
      '1 relationship',
      '2 relationships',
      '3–5 relationships',
      '6 or more relationships',
    ]);
  });
});

describe('explorer subgraph downloads', () => {
  it('table the selected entity’s relationships as seen from it', () => {
    expect(nodeRelationshipTable(sampleModel(), 'cn').rows).toEqual([
      ['r1', 'LOCATED_IN', 'incoming', 'China Geological Survey', 'Organization', ''],
      ['r3', 'HOSTED_IN', 'incoming', 'Congress of hydrogeologists', 'Event', 'asOf: Current member list'],
    ]);
  });

  it('export a small subgraph as its own entities at depth 0, a large one around the expanded entities', () => {
    const model = sampleModel();
    const small = new URL(subgraphExportHref(model, 'graphml', 1)!, 'http://x');
    expect(small.pathname).toBe('/export');
    expect(Object.fromEntries(small.searchParams)).toEqual({ format: 'graphml', ids: 'cgs,cn,vn,e1,mnr', depth: '0' });
    for (let i = 0; i < 60; i += 1) model.nodes.set(`n${i}`, { id: `n${i}`, kind: 'THEME', label: `Theme ${i}` });
    const large = new URL(subgraphExportHref(model, 'jsonld', 2)!, 'http://x');
    expect(Object.fromEntries(large.searchParams)).toEqual({ format: 'jsonld', ids: 'cgs', depth: '2' });
    expect(subgraphExportHref(emptyModel(), 'jsonld', 1)).toBeNull();
  });
});
