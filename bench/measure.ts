import { isDeepStrictEqual } from 'node:util';
import type { BenchCase, CaseName, Side, SideName } from './cases';
import { summarize, type Summary } from './support';

/**
 * Times one case on all its sides over the same inputs:
 * 1. a check pass: every side answers every input once and must give the reference's answer (the first
 *    side's, the hand-written Cypher); a side that errors or differs is reported loudly, with both answers,
 *    and is not timed (a wrong answer timed is worse than none);
 * 2. warm-up rounds, not timed (plans cached, JIT warm, connections open);
 * 3. timed rounds: round i gives every side input i (cycling over the inputs), the order of the sides rotated
 *    by one each round, so each goes first, second… equally often and none always meets a cache the other
 *    warmed. Every timed answer is checked again, after its clock has stopped.
 */
export interface MeasureOptions {
  iterations: number;
  warmup: number;
}

export interface SideFailure {
  side: SideName;
  input: string;
  message: string;
}

export interface CaseMeasurement {
  name: CaseName;
  description: string;
  inputs: number;
  nestingDepth: number;
  notes?: Record<string, unknown>;
  /** Latency per side in ms (absent: the side does not answer this case, or failed). */
  sides: Partial<Record<SideName, Summary>>;
  failures: SideFailure[];
}

export async function measureCase(benchCase: BenchCase, options: MeasureOptions, log: (line: string) => void): Promise<CaseMeasurement> {
  const failures: SideFailure[] = [];
  const fail = (side: Side<unknown>, input: unknown, message: string) => {
    failures.push({ side: side.name, input: JSON.stringify(input), message });
    log(`  ${benchCase.name}: ${side.name} FAILED on ${JSON.stringify(input)}: ${message}`);
  };

  // 1. Check pass: the reference's answer per input, then every other side against it.
  const [reference, ...others] = benchCase.sides;
  const expected: unknown[] = [];
  let live: Array<Side<unknown>> = [];
  let referenceOk = true;
  for (const input of benchCase.inputs) {
    const answer = await answerOf(reference, input);
    if (answer instanceof Error) {
      fail(reference, input, answer.message);
      referenceOk = false;
      break;
    }
    expected.push(answer);
  }
  if (referenceOk) live.push(reference);
  for (const side of others) {
    let ok = true;
    for (const [index, input] of benchCase.inputs.entries()) {
      const answer = await answerOf(side, input);
      const message = answer instanceof Error ? answer.message : referenceOk ? difference(expected[index], answer, reference.name) : null;
      if (message) {
        fail(side, input, message);
        ok = false;
        break;
      }
    }
    if (ok) live.push(side);
  }

  // 2 and 3. Warm-up and timed rounds over the sides that answered correctly.
  const samples = new Map<SideName, number[]>(live.map((side) => [side.name, []]));
  const rounds = options.warmup + options.iterations;
  for (let round = 0; round < rounds && live.length > 0; round += 1) {
    const index = round % benchCase.inputs.length;
    const input = benchCase.inputs[index];
    const shift = round % live.length;
    for (const side of [...live.slice(shift), ...live.slice(0, shift)]) {
      let result: unknown;
      const started = process.hrtime.bigint();
      try {
        result = await side.run(input);
      } catch (error) {
        fail(side, input, `round ${round}: ${(error as Error).message}`);
        live = live.filter((other) => other !== side);
        continue;
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const message = referenceOk ? difference(expected[index], side.answer(result), reference.name) : null;
      if (message) {
        fail(side, input, `round ${round}: ${message}`);
        live = live.filter((other) => other !== side);
        continue;
      }
      if (round >= options.warmup) samples.get(side.name)!.push(ms);
    }
  }

  const sides: Partial<Record<SideName, Summary>> = {};
  for (const side of live) sides[side.name] = summarize(samples.get(side.name)!);
  log(
    `  ${benchCase.name}: ${Object.entries(sides)
      .map(([name, summary]) => `${name} ${summary.median} ms (p95 ${summary.p95})`)
      .join(', ')}${failures.length ? `; ${failures.length} FAILURE(S)` : ''}`,
  );
  return {
    name: benchCase.name,
    description: benchCase.description,
    inputs: benchCase.inputs.length,
    nestingDepth: benchCase.nestingDepth,
    notes: benchCase.notes,
    sides,
    failures,
  };
}

async function answerOf(side: Side<unknown>, input: unknown): Promise<unknown> {
  try {
    return side.answer(await side.run(input));
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Null when equal; otherwise both answers, cut to something a terminal can show. */
function difference(expected: unknown, actual: unknown, referenceName: string): string | null {
  if (isDeepStrictEqual(expected, actual)) return null;
  const show = (value: unknown) => {
    const text = JSON.stringify(value);
    return text.length > 600 ? `${text.slice(0, 600)}…` : text;
  };
  return `MISMATCH: ${referenceName} answered ${show(expected)}, this side ${show(actual)}`;
}
