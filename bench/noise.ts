import fs from 'node:fs';
import type { TargetCheck, TargetFamily } from './report';

/**
 * `node dist/bench/noise.js run1.json run2.json run3.json`: how much each target value of the benchmark
 * varies between whole runs. For every target present in all runs: (max − min) ÷ median; then the largest
 * spread of each family (latency ratios, throughput ratios, memory), which is what NOISE_BAND in
 * bench/report.ts is set from. Statement counts are exact and left out.
 */
function main(files: string[]): void {
  if (files.length < 2) {
    process.stderr.write('usage: node dist/bench/noise.js <results.json> <results.json> [...]\n');
    process.exit(2);
  }
  const runs = files.map(
    (file) => JSON.parse(fs.readFileSync(file, 'utf8')) as { targets: TargetCheck[]; command: string; oursFingerprint?: string },
  );
  const fingerprints = new Set(runs.map((run) => run.oursFingerprint));
  if (fingerprints.size > 1) {
    process.stderr.write(`The runs measured different builds of our server (${[...fingerprints].join(', ')}): their differences are not noise.\n`);
    process.exit(1);
  }
  const byTarget = new Map<string, { family: TargetFamily; values: number[] }>();
  for (const run of runs) {
    for (const target of run.targets) {
      if (target.value === null || target.family === 'exact') continue;
      const entry = byTarget.get(target.target) ?? { family: target.family, values: [] };
      entry.values.push(target.value);
      byTarget.set(target.target, entry);
    }
  }
  const rows: Array<{ target: string; family: TargetFamily; values: number[]; spread: number }> = [];
  for (const [target, { family, values }] of byTarget) {
    if (values.length !== runs.length) continue;
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const spread = median > 0 ? (sorted[sorted.length - 1] - sorted[0]) / median : 0;
    rows.push({ target, family, values, spread: Math.round(spread * 1000) / 1000 });
  }
  rows.sort((a, b) => b.spread - a.spread);
  const width = Math.max(...rows.map((row) => row.target.length));
  process.stdout.write(`${runs.length} runs (${runs.map((run) => run.command).join('; ')})\n`);
  for (const row of rows) {
    process.stdout.write(`${row.target.padEnd(width)}  ${row.family.padEnd(10)}  spread ${String(row.spread).padEnd(6)}  ${row.values.join(' / ')}\n`);
  }
  const largest: Partial<Record<TargetFamily, number>> = {};
  for (const row of rows) largest[row.family] = Math.max(largest[row.family] ?? 0, row.spread);
  process.stdout.write(`largest spread per family: ${JSON.stringify(largest)}\n`);
}

main(process.argv.slice(2));
