import { ErrorCode } from '../../src/errors';
import { fromGlobalId, toGlobalId } from '../../src/data/globalId';
import { decodeCursor, encodeCursor } from '../../src/data/pagination';
import { lookupText, normalizeForLookup } from '../../src/data/normalize';

describe('global IDs', () => {
  it('round-trip a uid through an opaque base64url string', () => {
    const id = toGlobalId('Organization:cgs');
    expect(id).not.toContain('Organization');
    expect(fromGlobalId(id)).toEqual({ label: 'Organization', key: 'cgs', uid: 'Organization:cgs' });
  });

  it('accept the readable Label:key form people type in GraphiQL', () => {
    expect(fromGlobalId('Country:CN').uid).toBe('Country:CN');
  });

  it('reject malformed IDs and unknown kinds with BAD_USER_INPUT naming the argument', () => {
    for (const bad of ['', 'not an id', toGlobalId('Spaceship:x'), 'Spaceship:x', '%%%']) {
      try {
        fromGlobalId(bad, 'ids');
        throw new Error(`accepted ${bad}`);
      } catch (error) {
        expect((error as { extensions: Record<string, unknown> }).extensions).toMatchObject({
          code: ErrorCode.BadUserInput,
          argumentName: 'ids',
        });
      }
    }
  });
});

describe('cursors', () => {
  it('round-trip a sort order, sort value and key', () => {
    const position = { order: 'YEAR ASC', value: '12005 x', key: 'k' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('reject a cursor that is not ours with BAD_USER_INPUT on `after`', () => {
    expect(() => decodeCursor('garbage')).toThrow(/Argument "after"/);
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toThrow(/not a valid cursor/);
    expect(() => decodeCursor(Buffer.from('["a","b"]').toString('base64url'))).toThrow(/not a valid cursor/);
  });
});

describe('look-up normalisation', () => {
  it('ignores case, accents and repeated spaces', () => {
    expect(normalizeForLookup('  Géologie   ÜNESCO ')).toBe('geologie unesco');
  });

  it('joins name, acronym and aliases into one searchable text', () => {
    expect(lookupText({ name: 'Global Geoparks Network', acronym: 'GGN', aliases: ['Global Geoparks'] })).toBe(
      'global geoparks network | ggn | global geoparks',
    );
  });
});
