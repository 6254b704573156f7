/**
 * A small seeded pseudo-random number generator (mulberry32): the same seed always gives the same sequence,
 * on every platform, which is what makes the synthetic graph reproducible. Not for cryptography.
 */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers over one generator: every draw goes through `next`, so the order of calls fixes the output. */
export class Rng {
  readonly next: Random;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /**
   * An index in [0, n) skewed towards 0: index = floor(n·u^k). The share of draws landing on the first i
   * indices is (i/n)^(1/k), so low indices become hubs and degrees follow a power law in rank (Zipf-like).
   */
  skewed(n: number, exponent = 3): number {
    return Math.min(n - 1, Math.floor(n * Math.pow(this.next(), exponent)));
  }

  /** `count` distinct indices in [0, n), each drawn by `draw` (at most 20·count tries, so it always ends). */
  distinct(count: number, n: number, draw: () => number): number[] {
    const chosen = new Set<number>();
    const wanted = Math.min(count, n);
    for (let tries = 0; chosen.size < wanted && tries < wanted * 20; tries += 1) chosen.add(draw());
    return [...chosen];
  }

  /** A value from weighted choices. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let u = this.next() * total;
    for (const [value, weight] of choices) {
      u -= weight;
      if (u < 0) return value;
    }
    return choices[choices.length - 1][0];
  }
}
