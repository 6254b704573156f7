
/** Small helpers of the benchmark and the generator CLI (tests/helpers is not part of the build). */

export { repositoryRoot } from '../src/config';
export { freePort, tempDataDir } from '../src/db/scratch';

/** A whole number from a command-line option, or the default; anything else stops the program with a clear line. */
export function intOption(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) {
    process.stderr.write(`--${name} must be a whole number of at least ${min} (got "${value}").\n`);
    process.exit(2);
  }
  return parsed;
}

export interface Summary {
  samples: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
}

/** Latency statistics in milliseconds (nearest-rank percentiles), rounded to 0.01 ms. */
export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    samples: sorted.length,
    min: round(sorted[0] ?? 0),
    median: round(rank(0.5) ?? 0),
    p95: round(rank(0.95) ?? 0),
    max: round(sorted.at(-1) ?? 0),
    mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
  };
}
