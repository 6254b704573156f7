import { entityTable, relationshipTable, subgraphJson, toCsv } from '../../web/explorer/src/exportFiles';
import { emptyModel, resetModel } from '../../web/explorer/src/graphModel';

/** The explorer's downloads: CSV that spreadsheets read back as written, and JSON of the whole current subgraph. */

function sampleModel() {
  const model = emptyModel();
  resetModel(model, {
    center: { id: 'cgs', kind: 'ORGANIZATION', label: 'CGS — China Geological Survey' },
    nodes: [{ id: 'e1', kind: 'EVENT', label: 'Meeting, "Geoanalysis"', year: 2006 }],
    edges: [{ id: 'r1', type: 'ORGANIZED', source: 'cgs', target: 'e1', qualifiers: [{ name: 'role', value: 'ORGANIZER' }] }],
    truncated: false,
  });
  return model;
}

describe('explorer downloads', () => {
  it('quote CSV fields holding commas, quotes or line breaks and end every line with CRLF', () => {
    const csv = toCsv({ columns: ['a', 'b'], rows: [['plain', 'with, comma'], ['say "hi"', 'two\nlines']] });
    expect(csv).toBe('a,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it('list every known entity and relationship with readable names', () => {
    const model = sampleModel();
    model.hiddenKinds.add('EVENT');
    expect(toCsv(entityTable(model))).toBe('id,kind,label,year\r\ncgs,Organization,CGS — China Geological Survey,\r\ne1,Event,"Meeting, ""Geoanalysis""",2006\r\n');
    expect(relationshipTable(model).rows).toEqual([['r1', 'ORGANIZED', 'CGS — China Geological Survey', 'Meeting, "Geoanalysis"', 'role: ORGANIZER']]);
  });

  it('write the subgraph as JSON that reads back to the same entities and relationships', () => {
    const parsed = JSON.parse(subgraphJson(sampleModel()));
    expect(parsed.center).toBe('cgs');
    expect(parsed.nodes.map((node: { id: string }) => node.id)).toEqual(['cgs', 'e1']);
    expect(parsed.edges).toEqual([{ id: 'r1', type: 'ORGANIZED', source: 'cgs', target: 'e1', qualifiers: [{ name: 'role', value: 'ORGANIZER' }] }]);
  });
});
