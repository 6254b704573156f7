import path from 'node:path';
import { parseArgs } from 'node:util';
import { CASE_NAMES, type CaseName } from './cases';
import { intOption } from './support';

export interface BenchOptions {
  nodes: number;
  seed: number;
  /** Timed iterations per side and case. */
  iterations: number;
  /** Untimed rounds per case before them. */
  warmup: number;
  cases: CaseName[];
  /** Seconds of each load run (0: no load runs). */
  loadSeconds: number;
  connections: number;
  /** Where the results go. */
  out: string;
  /**
   * Measure against this running Neo4j, which already holds the synthetic graph of `nodes`/`seed` (as
   * `npm run synthetic` writes it), instead of starting and filling a throwaway one: for quick iterations.
   */
  neo4jUri?: string;
  /** Which parts run: `queries` (the cases and load runs), `export`, `import` (bench/importExport.ts). */
  only: BenchPart[];
}

export const BENCH_PARTS = ['queries', 'export', 'import'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

const USAGE = `usage: npm run bench -- [--nodes 100000] [--seed 42] [--iterations 200] [--warmup 20]
                        [--cases lookup,nested,…] [--load-seconds 10] [--connections 8] [--out bench/results/latest.json]
                        [--neo4j-uri bolt://127.0.0.1:7687  (a running Neo4j already holding this synthetic graph)]
                        [--only queries,export,import  (the parts to run; all by default)]
cases: ${CASE_NAMES.join(', ')}
quick run: npm run bench -- --nodes 20000 --iterations 50 --load-seconds 3
`;

export function parseOptions(argv: string[], rootDir: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      nodes: { type: 'string' },
      seed: { type: 'string' },
      iterations: { type: 'string' },
      warmup: { type: 'string' },
      cases: { type: 'string' },
      'load-seconds': { type: 'string' },
      connections: { type: 'string' },
      out: { type: 'string' },
      'neo4j-uri': { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const cases = values.cases === undefined ? [...CASE_NAMES] : values.cases.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = cases.filter((name) => !(CASE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0 || cases.length === 0) {
    process.stderr.write(`--cases: unknown case(s) ${unknown.join(', ') || '(none given)'}.\n${USAGE}`);
    process.exit(2);
  }
  const only = values.only === undefined ? [...BENCH_PARTS] : values.only.split(',').map((name) => name.trim()).filter(Boolean);
  const unknownParts = only.filter((name) => !(BENCH_PARTS as readonly string[]).includes(name));
  if (unknownParts.length > 0 || only.length === 0) {
    process.stderr.write(`--only: unknown part(s) ${unknownParts.join(', ') || '(none given)'}.\n${USAGE}`);
    process.exit(2);
  }
  return {
    only: BENCH_PARTS.filter((name) => only.includes(name)),
    nodes: intOption('nodes', values.nodes, 100_000, 1_000),
    seed: intOption('seed', values.seed, 42, 0),
    iterations: intOption('iterations', values.iterations, 200),
    warmup: intOption('warmup', values.warmup, 20, 0),
    // Keep the canonical order whatever order was typed, so runs compare row by row.
    cases: CASE_NAMES.filter((name) => cases.includes(name)),
    loadSeconds: intOption('load-seconds', values['load-seconds'], 10, 0),
    connections: intOption('connections', values.connections, 8),
    out: path.resolve(rootDir, values.out ?? path.join('bench', 'results', 'latest.json')),
    neo4jUri: values['neo4j-uri'],
  };
}
