import { LIMITS, limitAt } from '../../src/limits';
import { withLimits } from '../../src/graphql/typeDefs';
import { Deadline } from '../../src/graphql/deadline';

describe('the limits registry', () => {
  it('reads limits by their dotted path', () => {
    expect(limitAt('page.max')).toBe(LIMITS.page.max);
    expect(limitAt('traversal.depth.default')).toBe(LIMITS.traversal.depth.default);
  });

  it('refuses a path that names no number', () => {
    expect(() => limitAt('page')).toThrow(/No limit "page"/);
    expect(() => limitAt('nothing.here')).toThrow(/No limit/);
  });

  it('fills the SDL placeholders from the registry', () => {
    expect(withLimits('"At most {{limit:page.max}}, {{limit:page.default}} by default."')).toBe(`"At most ${LIMITS.page.max}, ${LIMITS.page.default} by default."`);
    expect(() => withLimits('"{{limit:page.maxx}}"')).toThrow(/No limit "page.maxx"/);
  });

  it('keeps every default within its bounds', () => {
    const walk = (value: unknown, path: string): void => {
      if (typeof value !== 'object' || value === null) return;
      const bounds = value as { min?: number; max?: number; default?: number };
      if (typeof bounds.default === 'number') {
        expect({ path, ok: bounds.min! <= bounds.default && bounds.default <= bounds.max! }).toEqual({ path, ok: true });
      }
      for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
    };
    walk(LIMITS, 'LIMITS');
  });
});

describe('the operation deadline', () => {
  it('gives every statement of an operation what is left of one budget', () => {
    const deadline = new Deadline(1_000, 10_000);
    expect(deadline.remainingMs(10_400)).toBe(600);
    expect(deadline.check(10_999)).toBe(1);
  });

  it('refuses further work with QUERY_TIMEOUT once the budget is spent', () => {
    const deadline = new Deadline(1_000, 10_000);
    expect(() => deadline.check(11_000)).toThrow(/1000 ms limit/);
    try {
      deadline.check(12_000);
    } catch (error) {
      expect((error as { extensions: Record<string, unknown> }).extensions.code).toBe('QUERY_TIMEOUT');
    }
  });
});
