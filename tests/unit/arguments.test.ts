import { AppError } from '../../src/errors';
import { LIMITS } from '../../src/limits';
import { atLeast, boundedInt, kindsArg, oneOf, relationshipTypesArg, someOf, wordsArg, yearRangeArg } from '../../src/data/arguments';
import { neighbourhoodRequest, pathRequest } from '../../src/data/traversal';
import { decodeSearchCursor, encodeSearchCursor, escapeLucene, luceneQuery, searchRequest } from '../../src/data/search';

/** The code, argument and limit of the error `run` throws (fails when it throws nothing or an untyped error). */
function errorOf(run: () => unknown): { code: unknown; argumentName: unknown; limit?: unknown } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const { code, argumentName, limit } = (error as AppError).extensions as Record<string, unknown>;
    return { code, argumentName, limit };
  }
  throw new Error('expected an error');
}

const CGS = 'Organization:cgs';
const { traversal, search } = LIMITS;

describe('an integer argument within the bounds of the registry', () => {
  const bounds = { min: 1, max: 5, default: 2 };

  it('takes the default when omitted or null', () => {
    expect(boundedInt('first', undefined, bounds)).toBe(2);
    expect(boundedInt('first', null, bounds)).toBe(2);
  });

  it('accepts both ends of the range', () => {
    expect(boundedInt('first', 1, bounds)).toBe(1);
    expect(boundedInt('first', 5, bounds)).toBe(5);
  });

  it('rejects a value above the maximum as LIMIT_EXCEEDED with the maximum, below the minimum or fractional as BAD_USER_INPUT', () => {
    expect(errorOf(() => boundedInt('first', 6, bounds))).toEqual({ code: 'LIMIT_EXCEEDED', argumentName: 'first', limit: 5 });
    expect(errorOf(() => boundedInt('first', 0, bounds))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    expect(errorOf(() => boundedInt('first', 1.5, bounds))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });

  it('with only a lower bound, takes the bound when omitted and rejects anything below it', () => {
    expect(atLeast('minWeight', undefined, 1)).toBe(1);
    expect(atLeast('minWeight', 7, 1)).toBe(7);
    expect(errorOf(() => atLeast('minWeight', 0, 1))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'minWeight' });
  });
});

describe('list and enum arguments', () => {
  it('checks relationship types and entity kinds against the allow-lists, dropping repeats and sorting them; null means all', () => {
    expect(relationshipTypesArg('relationshipTypes', ['HELD_IN', 'HELD_IN', 'ORGANIZED'])).toEqual(['HELD_IN', 'ORGANIZED']);
    expect(relationshipTypesArg('relationshipTypes', null)).toBeNull();
    expect(errorOf(() => relationshipTypesArg('relationshipTypes', ['DELETE_ALL']))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'relationshipTypes' });
    expect(kindsArg('kinds', ['TRAINING_PROGRAM', 'EVENT', 'EVENT'])).toEqual(['Event', 'TrainingProgram']);
    expect(kindsArg('kinds', undefined)).toBeNull();
    expect(errorOf(() => kindsArg('kinds', ['USER']))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'kinds' });
  });

  it('takes one value of a fixed set, or a non-empty list of them (all when omitted)', () => {
    const kinds = ['EVENT', 'PROJECT'] as const;
    expect(oneOf('dimension', 'EVENT', kinds, 'a kind')).toBe('EVENT');
    expect(errorOf(() => oneOf('dimension', 'PLANET', kinds, 'a kind'))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'dimension' });
    expect(someOf('via', undefined, kinds, 'kind')).toEqual(['EVENT', 'PROJECT']);
    expect(someOf('via', ['PROJECT', 'PROJECT'], kinds, 'kind')).toEqual(['PROJECT']);
    expect(errorOf(() => someOf('via', [], kinds, 'kind'))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'via' });
    expect(errorOf(() => someOf('via', ['PLANET'], kinds, 'kind'))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'via' });
  });

  it('rejects a year range that ends before it starts', () => {
    expect(yearRangeArg(2005, undefined)).toEqual({ yearFrom: 2005, yearTo: null });
    expect(yearRangeArg(2006, 2006)).toEqual({ yearFrom: 2006, yearTo: 2006 });
    expect(errorOf(() => yearRangeArg(2010, 2000))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'yearTo' });
  });

  it('normalises typed words and caps their length and number', () => {
    expect(wordsArg('query', '  Ünesco   Paris ', { maxLength: 20 })).toEqual(['unesco', 'paris']);
    expect(errorOf(() => wordsArg('query', ' \t ', { maxLength: 20 }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'query' });
    expect(errorOf(() => wordsArg('name', 'x'.repeat(21), { maxLength: 20 }))).toEqual({ code: 'LIMIT_EXCEEDED', argumentName: 'name', limit: 20 });
    expect(errorOf(() => wordsArg('query', 'a b c', { maxLength: 20, maxWords: 2 }))).toEqual({ code: 'LIMIT_EXCEEDED', argumentName: 'query', limit: 2 });
  });
});

describe('neighbourhood arguments', () => {
  it('defaults depth and node limit to the registry defaults, with every type and kind', () => {
    const defaults = { uid: CGS, depth: traversal.depth.default, types: null, labels: null, limit: traversal.neighbourhoodNodes.default, asOf: null };
    expect(neighbourhoodRequest({ id: CGS })).toEqual(defaults);
    expect(neighbourhoodRequest({ id: CGS, depth: null, limit: null })).toEqual(defaults);
  });

  it('accepts the whole range of depths and node limits', () => {
    expect(neighbourhoodRequest({ id: CGS, depth: traversal.depth.max, limit: traversal.neighbourhoodNodes.max })).toMatchObject({
      depth: traversal.depth.max,
      limit: traversal.neighbourhoodNodes.max,
    });
    expect(neighbourhoodRequest({ id: CGS, depth: 1, limit: 1 })).toMatchObject({ depth: 1, limit: 1 });
  });

  it('rejects a depth above its maximum as LIMIT_EXCEEDED and below 1 as BAD_USER_INPUT, naming depth', () => {
    expect(errorOf(() => neighbourhoodRequest({ id: CGS, depth: traversal.depth.max + 1 }))).toEqual({
      code: 'LIMIT_EXCEEDED',
      argumentName: 'depth',
      limit: traversal.depth.max,
    });
    expect(errorOf(() => neighbourhoodRequest({ id: CGS, depth: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'depth' });
    expect(errorOf(() => neighbourhoodRequest({ id: CGS, depth: -2 }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'depth' });
  });

  it('rejects a node limit above its maximum as LIMIT_EXCEEDED and below 1 as BAD_USER_INPUT', () => {
    expect(errorOf(() => neighbourhoodRequest({ id: CGS, limit: traversal.neighbourhoodNodes.max + 1 }))).toEqual({
      code: 'LIMIT_EXCEEDED',
      argumentName: 'limit',
      limit: traversal.neighbourhoodNodes.max,
    });
    expect(errorOf(() => neighbourhoodRequest({ id: CGS, limit: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'limit' });
  });

  it('rejects an ID that is not ours, and types or kinds outside the allow-lists', () => {
    expect(errorOf(() => neighbourhoodRequest({ id: 'Nonsense:cgs' }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    expect(errorOf(() => neighbourhoodRequest({ id: CGS, relationshipTypes: ['ORGANIZED', 'DELETE_ALL'] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'relationshipTypes',
    });
    expect(errorOf(() => neighbourhoodRequest({ id: CGS, kinds: ['EVENT', 'USER'] }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'kinds' });
  });

  it('turns EntityKind values into node labels and drops repeats', () => {
    const request = neighbourhoodRequest({ id: CGS, kinds: ['TRAINING_PROGRAM', 'EVENT', 'EVENT'], relationshipTypes: ['HELD_IN', 'HELD_IN'] });
    expect(request.labels).toEqual(['Event', 'TrainingProgram']);
    expect(request.types).toEqual(['HELD_IN']);
  });
});

describe('path arguments', () => {
  it('defaults maxLength and the number of paths per query to the registry defaults', () => {
    expect(pathRequest('shortestPath', { from: CGS, to: 'Country:TH' })).toMatchObject({ maxLength: traversal.pathLength.default, limit: 1 });
    expect(pathRequest('allShortestPaths', { from: CGS, to: 'Country:TH' })).toMatchObject({
      maxLength: traversal.pathLength.default,
      limit: traversal.allShortestPaths.default,
    });
    expect(pathRequest('connection', { from: CGS, to: 'Country:TH' })).toMatchObject({
      maxLength: traversal.connectionLength.default,
      limit: traversal.connectionPaths.default,
    });
  });

  it('accepts maxLength up to its maximum and rejects one more as LIMIT_EXCEEDED and 0 as BAD_USER_INPUT', () => {
    expect(pathRequest('connection', { from: CGS, to: CGS, maxLength: traversal.connectionLength.max }).maxLength).toBe(traversal.connectionLength.max);
    expect(pathRequest('connection', { from: CGS, to: CGS, maxLength: 1 }).maxLength).toBe(1);
    expect(errorOf(() => pathRequest('shortestPath', { from: CGS, to: CGS, maxLength: traversal.pathLength.max + 1 }))).toEqual({
      code: 'LIMIT_EXCEEDED',
      argumentName: 'maxLength',
      limit: traversal.pathLength.max,
    });
    expect(errorOf(() => pathRequest('shortestPath', { from: CGS, to: CGS, maxLength: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'maxLength' });
  });

  it('caps the paths of allShortestPaths and connection at their maxima', () => {
    const all = traversal.allShortestPaths.max;
    const connection = traversal.connectionPaths.max;
    expect(pathRequest('allShortestPaths', { from: CGS, to: CGS, limit: all }).limit).toBe(all);
    expect(errorOf(() => pathRequest('allShortestPaths', { from: CGS, to: CGS, limit: all + 1 }))).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: all });
    expect(pathRequest('connection', { from: CGS, to: CGS, limit: connection }).limit).toBe(connection);
    expect(errorOf(() => pathRequest('connection', { from: CGS, to: CGS, limit: connection + 1 }))).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: connection });
    expect(errorOf(() => pathRequest('connection', { from: CGS, to: CGS, limit: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'limit' });
  });

  it('names the endpoint whose ID is malformed', () => {
    expect(errorOf(() => pathRequest('connection', { from: CGS, to: '%%%' }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'to' });
    expect(errorOf(() => pathRequest('connection', { from: '', to: CGS }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'from' });
  });
});

describe('search arguments', () => {
  it('pages the registry default by default, and within the registry bounds on request', () => {
    expect(searchRequest({ query: 'ccop' })).toMatchObject({ first: search.first.default, offset: 0, labels: null });
    expect(searchRequest({ query: 'ccop', first: search.first.max }).first).toBe(search.first.max);
    expect(searchRequest({ query: 'ccop', first: search.first.min }).first).toBe(search.first.min);
    expect(errorOf(() => searchRequest({ query: 'ccop', first: search.first.max + 1 }))).toEqual({
      code: 'LIMIT_EXCEEDED',
      argumentName: 'first',
      limit: search.first.max,
    });
    expect(errorOf(() => searchRequest({ query: 'ccop', first: search.first.min - 1 }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });

  it('rejects a query without words, longer than its character cap or of more words than its word cap', () => {
    expect(errorOf(() => searchRequest({ query: ' \t ' }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'query' });
    expect(errorOf(() => searchRequest({ query: 'a'.repeat(search.queryLength + 1) }))).toEqual({
      code: 'LIMIT_EXCEEDED',
      argumentName: 'query',
      limit: search.queryLength,
    });
    expect(errorOf(() => searchRequest({ query: Array(search.queryWords + 1).fill('rock').join(' ') }))).toEqual({
      code: 'LIMIT_EXCEEDED',
      argumentName: 'query',
      limit: search.queryWords,
    });
    expect(searchRequest({ query: Array(search.queryWords).fill('rock').join(' ') }).lucene.split(' ')).toHaveLength(2 * search.queryWords);
  });

  it('resumes after the position a cursor carries, and rejects cursors that are not ours or beyond the results one can page through', () => {
    expect(decodeSearchCursor(encodeSearchCursor(0))).toBe(0);
    expect(searchRequest({ query: 'ccop', after: encodeSearchCursor(9) }).offset).toBe(10);
    expect(searchRequest({ query: 'ccop', after: encodeSearchCursor(search.results - 1) }).offset).toBe(search.results);
    expect(errorOf(() => searchRequest({ query: 'ccop', after: encodeSearchCursor(search.results) }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(errorOf(() => searchRequest({ query: 'ccop', after: 'not a cursor' }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(errorOf(() => searchRequest({ query: 'ccop', after: Buffer.from('search:-1').toString('base64url') }))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('escapes every Lucene special character', () => {
    expect(escapeLucene('foo:(')).toBe('foo\\:\\(');
    expect(escapeLucene('+-&|!(){}[]^"~*?:\\/')).toBe('\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
    expect(escapeLucene('plain words')).toBe('plain words');
  });

  it('searches each word as a term and, from three letters, as a weaker prefix, lower-cased so operators are words', () => {
    expect(luceneQuery('Geochem OR at')).toEqual({ lucene: 'geochem geochem*^0.5 or at', fuzzy: 'geochem~1 or at', exact: 'geochem or at' });
    expect(luceneQuery('ÜNESCO')).toEqual({ lucene: 'unesco unesco*^0.5', fuzzy: 'unesco~1', exact: 'unesco' });
    expect(luceneQuery('geologicl survey').fuzzy).toBe('geologicl~2 survey~1');
    expect(luceneQuery('at of').fuzzy).toBeNull();
    expect(luceneQuery('foo:(').lucene).toBe('foo\\:\\( foo\\:\\(*^0.5');
  });
});
