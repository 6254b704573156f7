import { decodeCursor, encodeCursor, type CursorBinding } from '../../src/data/cursors';
import { pageWindow, toPage } from '../../src/data/pagination';
import { LIMITS } from '../../src/limits';

const organizationsByName: CursorBinding = { list: 'organizations', filter: { organizationKinds: ['GEOLOGICAL_SURVEY'] }, order: 'NAME ASC' };
const codeOf = (error: unknown) => (error as { extensions?: Record<string, unknown> }).extensions?.code;

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('cursors', () => {
  it('round-trip the stored position for the list, filter and order that made them', () => {
    const cursor = encodeCursor(organizationsByName, 'china geological survey\u001fcgs');
    expect(decodeCursor('after', cursor, organizationsByName)).toBe('china geological survey\u001fcgs');
  });

  it('ignore unused (null) filter entries and the order of filter names when binding', () => {
    const cursor = encodeCursor({ ...organizationsByName, filter: { nameContains: null, organizationKinds: ['GEOLOGICAL_SURVEY'] } }, 'p');
    expect(decodeCursor('after', cursor, organizationsByName)).toBe('p');
  });

  it('refuse a cursor replayed on another list with BAD_USER_INPUT naming the argument', () => {
    const error = refusal(() => decodeCursor('after', encodeCursor(organizationsByName, 'p'), { ...organizationsByName, list: 'countries' }));
    expect(codeOf(error)).toBe('BAD_USER_INPUT');
    expect(String(error)).toMatch(/Argument "after".*another list \(organizations\)/);
  });

  it('refuse a cursor replayed with another filter or another order', () => {
    const cursor = encodeCursor(organizationsByName, 'p');
    expect(String(refusal(() => decodeCursor('after', cursor, { ...organizationsByName, filter: { organizationKinds: ['UNIVERSITY'] } })))).toMatch(/another filter/);
    expect(String(refusal(() => decodeCursor('before', cursor, { ...organizationsByName, order: 'NAME DESC' })))).toMatch(/Argument "before".*order NAME ASC/);
  });

  it('refuse a cursor of another relationship field or another parent entity', () => {
    const members: CursorBinding = { list: 'Organization:ccop/memberCountries', filter: {}, order: 'NAME ASC' };
    const cursor = encodeCursor(members, 'p');
    expect(String(refusal(() => decodeCursor('after', cursor, { ...members, list: 'Organization:iugs/memberCountries' })))).toMatch(/another list/);
  });

  it('refuse text that is not a cursor of ours', () => {
    for (const bad of ['garbage', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["c0","a","b","c","d"]').toString('base64url')]) {
      expect(String(refusal(() => decodeCursor('after', bad, organizationsByName)))).toMatch(/not a valid cursor/);
    }
  });
});

describe('page windows', () => {
  it('take the registry default when neither first nor last is given', () => {
    expect(pageWindow({}, LIMITS.page, organizationsByName)).toEqual({ size: LIMITS.page.default, backward: false, position: null });
  });

  it('page backwards with last and before', () => {
    const before = encodeCursor(organizationsByName, 'm');
    expect(pageWindow({ last: 5, before }, LIMITS.page, organizationsByName)).toEqual({ size: 5, backward: true, position: 'm' });
  });

  it('refuse first with last, after with last and before with first', () => {
    const cursor = encodeCursor(organizationsByName, 'm');
    expect(codeOf(refusal(() => pageWindow({ first: 1, last: 1 }, LIMITS.page, organizationsByName)))).toBe('BAD_USER_INPUT');
    expect(codeOf(refusal(() => pageWindow({ last: 1, after: cursor }, LIMITS.page, organizationsByName)))).toBe('BAD_USER_INPUT');
    expect(codeOf(refusal(() => pageWindow({ first: 1, before: cursor }, LIMITS.page, organizationsByName)))).toBe('BAD_USER_INPUT');
  });

  it('refuse sizes above the registry maximum with LIMIT_EXCEEDED and negative ones with BAD_USER_INPUT', () => {
    expect(codeOf(refusal(() => pageWindow({ first: LIMITS.page.max + 1 }, LIMITS.page, organizationsByName)))).toBe('LIMIT_EXCEEDED');
    expect(codeOf(refusal(() => pageWindow({ last: -1 }, LIMITS.page, organizationsByName)))).toBe('BAD_USER_INPUT');
  });

  it('turn a backward read round and report the page before it', () => {
    // Read in descending order: size + 1 rows means there is more before the page.
    const page = toPage(['e', 'd', 'c'], { size: 2, backward: true, position: 'f' }, organizationsByName, (row) => row);
    expect(page.items).toEqual(['d', 'e']);
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(decodeCursor('after', page.pageInfo.endCursor!, organizationsByName)).toBe('e');
  });
});
