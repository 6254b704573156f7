import { ErrorCode } from '../../src/errors';
import { fromAnyGlobalId, fromGlobalId, fromRelationshipGlobalId, relationshipGlobalId, toGlobalId } from '../../src/data/globalId';
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

describe('relationship IDs', () => {
  it('round-trip a relationship type and stored id, distinct from entity IDs', () => {
    const id = relationshipGlobalId('MEMBER_OF', 'abc_DEF-123');
    expect(fromAnyGlobalId(id)).toEqual({ kind: 'relationship', type: 'MEMBER_OF', id: 'abc_DEF-123' });
    expect(fromRelationshipGlobalId(id)).toEqual({ type: 'MEMBER_OF', id: 'abc_DEF-123' });
  });

  it('refuse a relationship ID where an entity ID is needed, and the other way round', () => {
    expect(() => fromGlobalId(relationshipGlobalId('HAS_THEME', 'x'), 'from')).toThrow(/Argument "from".*relationship ID/);
    expect(() => fromRelationshipGlobalId(toGlobalId('Organization:cgs'))).toThrow(/entity ID/);
  });

  it('refuse relationship types outside the allow-list', () => {
    expect(() => fromRelationshipGlobalId(toGlobalId('Relationship:DROP_ALL:x'))).toThrow(/not a valid ID/);
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
