import { resultTables } from '../../web/graphiql/resultTables';

/** GraphiQL's "Result table" plugin: which lists of a result become tables, and their rows and columns. */

describe('GraphiQL result tables', () => {
  it('give a connection one row per edge: the edge’s fields, then its node’s, nested objects as dotted columns', () => {
    const tables = resultTables({
      data: {
        organization: {
          name: 'CCOP',
          memberCountries: {
            totalCount: 2,
            edges: [
              { asOf: 'Current', node: { code: 'CN', name: 'China', region: { name: 'Eastern Asia' } }, provenance: [{ quote: 'sixteen' }] },
              { asOf: 'Current', node: { code: 'VN', name: 'Viet Nam', region: null }, provenance: [] },
            ],
            nodes: [{ code: 'CN' }, { code: 'VN' }],
            pageInfo: { hasNextPage: false },
          },
        },
      },
    });
    expect(tables).toEqual([
      {
        path: 'organization.memberCountries',
        columns: ['asOf', 'provenance', 'code', 'name', 'region.name', 'region'],
        rows: [
          ['Current', '{"quote":"sixteen"}', 'CN', 'China', 'Eastern Asia', ''],
          ['Current', '', 'VN', 'Viet Nam', '', ''],
        ],
      },
    ]);
  });

  it('make any other list of objects a table, name node fields that clash with edge fields node.*, and ignore scalars', () => {
    const tables = resultTables({
      data: {
        search: { edges: [{ score: 2.5, kind: 'EDGE', node: { kind: 'ORGANIZATION', label: 'CGS', aliases: ['CGS', 'China GS'] } }] },
        themes: [{ name: 'Geoparks' }, { name: 'Mapping' }],
        count: 3,
        tags: ['a', 'b'],
      },
    });
    expect(tables.map((table) => table.path)).toEqual(['search', 'themes']);
    expect(tables[0].columns).toEqual(['score', 'kind', 'node.kind', 'label', 'aliases']);
    expect(tables[0].rows).toEqual([['2.5', 'EDGE', 'ORGANIZATION', 'CGS', 'CGS; China GS']]);
    expect(tables[1].rows).toEqual([['Geoparks'], ['Mapping']]);
  });

  it('find no table in an error-only result or in text that is not a result', () => {
    expect(resultTables({ errors: [{ message: 'boom' }] })).toEqual([]);
    expect(resultTables(null)).toEqual([]);
  });
});
