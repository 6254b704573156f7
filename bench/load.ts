import autocannon from 'autocannon';

/**
 * Throughput under concurrency: autocannon keeps `connections` requests in flight against a GraphQL
 * endpoint, cycling over the case's deterministic inputs (one body per request, in order). Every response is
 * checked: a non-2xx or a body carrying `"errors"` counts, and any is a failure, since a server that answers
 * errors fast is not fast. autocannon runs in the benchmark's process; the servers are child processes, so
 * the load generator never shares their event loop (it does share the 2 cores).
 *
 * The sides take turns in short slices (ours, library, library, ours, …) rather than one long run each:
 * background load on the machine drifts over seconds, and alternating slices expose both sides to the same
 * drift (one 10 s run each made the ratio move by up to 70 % between whole runs).
 */
export interface LoadResult {
  connections: number;
  /** Seconds under load, all slices together. */
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Median of the slices' median latencies, and the largest of their p99s. */
  latencyMedianMs: number;
  latencyP99Ms: number;
  /** Transport errors, timeouts, non-2xx and GraphQL-error bodies together. */
  failed: number;
}

export interface LoadTarget {
  url: string;
  /** JSON request bodies, sent in turn. */
  bodies: string[];
}

const SLICE_SECONDS = 2;

/** Loads every target for `seconds` in all, in alternating slices; one result per target, in order. */
export async function runAlternatingLoad(targets: LoadTarget[], connections: number, seconds: number): Promise<LoadResult[]> {
  const slices = Math.max(1, Math.round(seconds / SLICE_SECONDS));
  const perTarget: autocannon.Result[][] = targets.map(() => []);
  for (let slice = 0; slice < slices; slice += 1) {
    const order = targets.map((_, index) => index);
    if (slice % 2 === 1) order.reverse();
    for (const index of order) perTarget[index].push(await loadSlice(targets[index], connections, seconds / slices));
  }
  return perTarget.map((results) => combine(results, connections));
}

async function loadSlice(target: LoadTarget, connections: number, seconds: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: target.url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          request.body = target.bodies[next % target.bodies.length];
          next += 1;
          return request;
        },
      },
    ],
    verifyBody: (body) => !body.includes('"errors"'),
  });
}

function combine(results: autocannon.Result[], connections: number): LoadResult {
  const sum = (pick: (result: autocannon.Result) => number) => results.reduce((total, result) => total + pick(result), 0);
  const seconds = sum((result) => result.duration);
  // Answers: 2xx responses without GraphQL errors.
  const answers = sum((result) => result['2xx'] - result.mismatches);
  const medians = results.map((result) => result.latency.p50).sort((a, b) => a - b);
  return {
    connections,
    seconds: Math.round(seconds * 10) / 10,
    requests: sum((result) => result.requests.total),
    requestsPerSecond: Math.round((answers / seconds) * 10) / 10,
    latencyMedianMs: medians[Math.floor(medians.length / 2)],
    latencyP99Ms: Math.max(...results.map((result) => result.latency.p99)),
    failed: sum((result) => result.errors + result.timeouts + result.non2xx + result.mismatches),
  };
}
