import fs from 'node:fs';
import path from 'node:path';
import { columnsTable } from '../../src/import';
import { readLines } from '../../src/import/lines';
import { cellValue, parseFile, type ImportFile } from '../../src/import/parse';
import type { ImportProblem, ImportRecord, Located } from '../../src/import/records';
import { validateRecords, type StoredEntity } from '../../src/import/validate';

async function parse(name: string, content: string | Buffer, format: ImportFile['format'] = name.endsWith('.csv') ? 'csv' : 'jsonl') {
  const records: Array<Located<ImportRecord>> = [];
  const problems: ImportProblem[] = [];
  for await (const event of parseFile({ name, format, bytes: [typeof content === 'string' ? Buffer.from(content) : content] }, 0)) {
    if (event.kind === 'record') records.push(event.record);
    else problems.push(event.problem);
  }
  return { records, problems };
}

const nothingStored = async () => new Map<string, StoredEntity>();

async function problemsOf(name: string, content: string) {
  const { records, problems } = await parse(name, content);
  return [...problems, ...(await validateRecords(records, nothingStored)).problems];
}

describe('import parsing', () => {
  it('reads a file of the neo4j-admin CSV export as stored properties: typed headers, lists, provenance restored whole', async () => {
    const provenance = JSON.stringify([{ source: 'cgs-intl-exchange', confidence: 'HIGH' }]);
    const { records, problems } = await parse(
      'nodes/Organization.csv',
      `uid:ID,:LABEL,aliases:string[],foundedYear:long,name,provenance,version:long\nOrganization:geo-x,Entity;Organization,GX;Geo-X,1999,Geo X,"${provenance.replaceAll('"', '""')}",3\n`,
    );
    expect(problems).toEqual([]);
    expect(records.map((record) => record.value)).toEqual([
      { record: 'entity', kind: 'Organization', key: 'geo-x', fields: { name: 'Geo X', aliases: ['GX', 'Geo-X'], foundedYear: 1999 }, provenance: [{ source: 'cgs-intl-exchange', confidence: 'HIGH' }] },
    ]);
  });

  it('tells a quoted empty string from an empty cell in the neo4j-admin format, and reads both as absent in the import columns', async () => {
    const admin = await parse('nodes/Organization.csv', 'uid:ID,:LABEL,aliases:string[],acronym,website,foundedYear:long,name\nOrganization:geo-x,Entity;Organization,"","",,"",Geo X\n');
    expect(admin.problems).toEqual([]);
    expect(admin.records.map((record) => record.value)).toEqual([
      { record: 'entity', kind: 'Organization', key: 'geo-x', fields: { name: 'Geo X', aliases: [], acronym: '' }, provenance: [] },
    ]);
    const columns = await parse('Organization.csv', 'key,name,acronym,website\ngeo-x,Geo X,"",\n');
    expect(columns.problems).toEqual([]);
    expect((columns.records[0].value as { fields: Record<string, unknown> }).fields).toEqual({ name: 'Geo X' });
  });

  it('refuses a neo4j-admin relationship file without its end column, and a node whose uid is of another kind', async () => {
    expect((await parse('relationships/MEMBER_OF.csv', ':START_ID,:TYPE\nCountry:CN,MEMBER_OF\n')).problems).toEqual([expect.objectContaining({ line: 1, code: 'MISSING_COLUMN' })]);
    expect((await parse('nodes/Theme.csv', 'uid:ID,name\nCountry:CN,China\n')).problems).toEqual([expect.objectContaining({ line: 2, field: 'uid:ID', code: 'INVALID_VALUE' })]);
  });

  it('reads an entity and a relationship record of JSON Lines', async () => {
    const { records, problems } = await parse(
      'a.jsonl',
      '{"kind":"Organization","key":"geo-x","fields":{"name":"Geo X"}}\n\n{"type":"HEADQUARTERED_IN","from":"Organization:geo-x","to":"Country:CN","qualifiers":{"city":"Beijing"}}\n',
    );
    expect(problems).toEqual([]);
    expect(records.map((record) => [record.line, record.value.record])).toEqual([[1, 'entity'], [3, 'relationship']]);
  });

  it('reports a broken JSON line with its line number and goes on to the next', async () => {
    const { records, problems } = await parse('a.jsonl', '{"kind":"Theme","key":"t","fields":{"name":"T"}}\n{"kind": \n{"kind":"Theme","key":"u","fields":{"name":"U"}}\n');
    expect(problems).toEqual([expect.objectContaining({ file: 'a.jsonl', line: 2, code: 'INVALID_JSON' })]);
    expect(records).toHaveLength(2);
  });

  it('refuses bytes that are not UTF-8 and a byte-order mark after the start, but accepts one at the start', async () => {
    const latin1 = Buffer.concat([Buffer.from('{"kind":"Theme","key":"t","fields":{"name":"'), Buffer.from([0xe9]), Buffer.from('"}}\n')]);
    expect((await parse('a.jsonl', latin1)).problems).toEqual([expect.objectContaining({ line: 1, code: 'NOT_UTF8' })]);
    expect((await parse('a.jsonl', '\ufeff{"kind":"Theme","key":"t","fields":{"name":"T"}}\n')).problems).toEqual([]);
    expect((await parse('a.jsonl', '{"kind":"Theme","key":"t","fields":{"name":"T"}}\n\ufeff{"kind":"Theme","key":"u","fields":{"name":"U"}}\n')).problems).toEqual([
      expect.objectContaining({ line: 2, code: 'MISPLACED_BOM' }),
    ]);
  });

  it('drops a line longer than the bound as it streams and reports it once', async () => {
    const chunks = [Buffer.from('{"a":"'), Buffer.alloc(300, 0x61), Buffer.alloc(300, 0x61), Buffer.from('"}\nnext\n')];
    const events = [];
    for await (const event of readLines('big.jsonl', chunks, 500)) events.push(event);
    expect(events).toEqual([
      { kind: 'problem', problem: expect.objectContaining({ line: 1, code: 'LINE_TOO_LONG' }) },
      { kind: 'line', line: 2, text: 'next' },
    ]);
  });

  it('calls an empty file empty', async () => {
    expect((await parse('a.jsonl', '')).problems).toEqual([expect.objectContaining({ line: 0, code: 'EMPTY_FILE' })]);
    expect((await parse('Theme.csv', 'key,name\n')).problems).toEqual([expect.objectContaining({ code: 'EMPTY_FILE' })]);
  });

  it('reads CSV cells as the values their columns take', async () => {
    const { records, problems } = await parse('Event.csv', 'key,name,year,aliases,provenance.confidence\nigc-x,"IGC, the 40th",2028,IGC 40; 40th IGC,HIGH\n');
    expect(problems).toEqual([]);
    expect(records[0].value).toEqual({ record: 'entity', kind: 'Event', key: 'igc-x', fields: { name: 'IGC, the 40th', year: 2028, aliases: ['IGC 40', '40th IGC'] }, provenance: { confidence: 'HIGH' } });
    expect(cellValue('12a', { type: 'int' })).toBe('12a');
    expect(cellValue('true', { type: 'boolean' })).toBe(true);
  });

  it('refuses CSV rows with extra or missing cells, unknown columns and files named after no kind', async () => {
    expect((await parse('Theme.csv', 'key,name\nt,T,extra\nu\n')).problems.map((p) => [p.line, p.code])).toEqual([[2, 'EXTRA_COLUMNS'], [3, 'MISSING_COLUMNS']]);
    expect((await parse('Theme.csv', 'key,name,colour\nt,T,red\n')).problems).toEqual([expect.objectContaining({ line: 1, field: 'colour', code: 'UNKNOWN_FIELD' })]);
    expect((await parse('Theme.csv', 'name\nT\n')).problems).toEqual([expect.objectContaining({ field: 'key', code: 'MISSING_COLUMN' })]);
    expect((await parse('Planet.csv', 'key,name\nt,T\n')).problems).toEqual([expect.objectContaining({ code: 'UNKNOWN_KIND' })]);
  });
});

describe('import validation', () => {
  it('judges fields with the mutations’ rules: unknown kinds and fields, bad keys, dates out of order', async () => {
    const problems = await problemsOf(
      'a.jsonl',
      [
        '{"kind":"Planet","key":"mars","fields":{}}',
        '{"kind":"Theme","key":"t","fields":{"name":"T","colour":"red"}}',
        '{"kind":"Organization","key":"Not A Slug","fields":{"name":"X"}}',
        '{"kind":"Project","key":"p","fields":{"name":"P","plannedStart":"2024-05-01","plannedEnd":"2023-01-01"}}',
      ].join('\n'),
    );
    expect(problems.map((p) => [p.line, p.field, p.code])).toEqual([
      [1, 'kind', 'UNKNOWN_KIND'],
      [2, 'fields.colour', 'UNKNOWN_FIELD'],
      [3, 'key', 'INVALID_KEY'],
      [4, 'fields.plannedEnd', 'DATE_ORDER'],
    ]);
  });

  it('refuses a key twice in one file and a relationship whose end is neither stored nor imported', async () => {
    const problems = await problemsOf(
      'a.jsonl',
      [
        '{"kind":"Theme","key":"t","fields":{"name":"T"}}',
        '{"kind":"Theme","key":"t","fields":{"name":"T again"}}',
        '{"type":"HAS_THEME","from":"Project:nowhere","to":"Theme:t"}',
      ].join('\n'),
    );
    expect(problems.map((p) => [p.line, p.field, p.code])).toEqual([
      [2, 'key', 'DUPLICATE_KEY'],
      [3, 'from', 'NOT_FOUND'],
    ]);
  });

  it('accepts an end and a source stored in the graph, and refuses a source that is nowhere', async () => {
    const stored = async () => new Map<string, StoredEntity>([['Project:p', { label: 'Project', props: { name: 'P' } }], ['Source:s', { label: 'Source', props: {} }]]);
    const { records } = await parse(
      'a.jsonl',
      '{"kind":"Theme","key":"t","fields":{"name":"T"},"provenance":{"source":"s"}}\n{"type":"HAS_THEME","from":"Project:p","to":"Theme:t","provenance":{"source":"elsewhere"}}\n',
    );
    expect((await validateRecords(records, stored)).problems.map((p) => [p.line, p.field, p.code])).toEqual([[2, 'provenance.source', 'UNKNOWN_SOURCE']]);
  });
});

describe('import columns', () => {
  it('are documented in the README exactly as the model generates them', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const block = /<!-- import-columns:start -->\n([\s\S]*?)\n<!-- import-columns:end -->/.exec(readme);
    expect(block?.[1]).toBe(columnsTable());
  });
});
