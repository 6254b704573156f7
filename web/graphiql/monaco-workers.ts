/**
 * Tells Monaco where its web workers live: the three classic-worker bundles scripts/build-web.mjs builds into
 * `workers/` next to main.js (from the local entry files in ./workers). Imported first by main.tsx so that it
 * runs before GraphiQL and Monaco are evaluated — without it Monaco fails with "Cannot read properties of
 * undefined (reading 'toUrl')". Workers come from this server only, never from a CDN.
 */

// main.js is served from /graphiql/main.js, so the workers are at /graphiql/workers/*.js.
const WORKERS_BASE = new URL('workers/', import.meta.url);

const WORKER_FILES: Record<string, string> = {
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
};

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const file = WORKER_FILES[label] ?? 'editor.worker.js';
    return new Worker(new URL(file, WORKERS_BASE).href, { name: `monaco-${label}` });
  },
};

export {};
