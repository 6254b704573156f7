#!/usr/bin/env node
/**
 * Builds the two browser pages the server hosts, offline, from npm packages only (no CDN):
 *
 *   dist/web/graphiql/  GraphiQL 5 (web/graphiql/main.tsx) + its three Monaco workers, served at /graphiql
 *   dist/web/explorer/  the cytoscape visual explorer (web/explorer/src/main.ts, TypeScript), served at /explore
 *
 * Usage: node scripts/build-web.mjs   (npm run build:web)
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
const OUT = path.join(ROOT, 'dist', 'web');
const GRAPHIQL_OUT = path.join(OUT, 'graphiql');
const EXPLORER_OUT = path.join(OUT, 'explorer');

/** Fonts and images referenced from CSS become files next to the bundle (most are already inlined as data: URIs). */
const ASSET_LOADERS = {
  '.ttf': 'file',
  '.woff': 'file',
  '.woff2': 'file',
  '.eot': 'file',
  '.svg': 'file',
  '.png': 'file',
  '.gif': 'file',
};

/**
 * Monaco's ESM modules import their own CSS files. graphiql/style.css already contains all of that CSS (checked
 * for monaco-editor 0.52.2), and CSS imported from lazily loaded chunks would never be loaded by the page anyway
 * (esbuild emits it as separate, unreferenced files). So those imports become empty modules.
 */
const skipMonacoCss = {
  name: 'skip-monaco-css',
  setup(build) {
    build.onResolve({ filter: /\.css$/ }, (args) =>
      /[\\/]node_modules[\\/]monaco-editor[\\/]/.test(args.importer) ? { path: args.path, namespace: 'monaco-css' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'monaco-css' }, () => ({ contents: '', loader: 'js' }));
  },
};

const COMMON = {
  absWorkingDir: ROOT,
  bundle: true,
  minify: true,
  sourcemap: false,
  legalComments: 'linked',
  logLevel: 'warning',
  target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
};

async function buildGraphiql() {
  // The page: ESM with code splitting, so Monaco (dynamically imported by @graphiql/react) is its own chunk.
  const app = await esbuild.build({
    ...COMMON,
    entryPoints: { main: path.join(WEB, 'graphiql', 'main.tsx') },
    outdir: GRAPHIQL_OUT,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    jsx: 'automatic',
    loader: ASSET_LOADERS,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    plugins: [skipMonacoCss],
    // @graphiql/react prettifies with `import('prettier/parser-graphql')` / `import('prettier/parser-babel')`: UMD
    // files whose `parsers` export esbuild's dynamic-import interop does not expose (only `default`), so Prettify
    // fails with "Couldn't resolve parser". The ESM builds of the same plugins export `parsers` by name.
    alias: {
      'prettier/parser-graphql': 'prettier/plugins/graphql',
      'prettier/parser-babel': 'prettier/plugins/babel',
    },
  });

  // The three Monaco workers: esbuild cannot follow `new Worker(new URL(...))`, so each is its own entry point,
  // built as a classic (IIFE) worker script that monaco-workers.ts points MonacoEnvironment.getWorker at.
  const workers = await esbuild.build({
    ...COMMON,
    entryPoints: {
      'editor.worker': path.join(WEB, 'graphiql', 'workers', 'editor.worker.ts'),
      'json.worker': path.join(WEB, 'graphiql', 'workers', 'json.worker.ts'),
      'graphql.worker': path.join(WEB, 'graphiql', 'workers', 'graphql.worker.ts'),
    },
    outdir: path.join(GRAPHIQL_OUT, 'workers'),
    format: 'iife',
    platform: 'browser',
    loader: ASSET_LOADERS,
    entryNames: '[name]',
    assetNames: '../assets/[name]-[hash]',
  });

  fs.copyFileSync(path.join(WEB, 'graphiql', 'index.html'), path.join(GRAPHIQL_OUT, 'index.html'));
  return [app, workers];
}

/**
 * The explorer's world map (world-atlas, Natural Earth 1:50m TopoJSON, ~740 kB): a file of its own next to the
 * bundle, named with its version (so it can be cached for good), that the map view fetches when first opened.
 */
function copyWorldAtlas() {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('world-atlas/package.json'));
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const name = `world-atlas-${version}-countries-50m.json`;
  fs.mkdirSync(path.join(EXPLORER_OUT, 'assets'), { recursive: true });
  fs.copyFileSync(path.join(packageDir, 'countries-50m.json'), path.join(EXPLORER_OUT, 'assets', name));
  return `/explore/assets/${name}`;
}

async function buildExplorer() {
  const worldAtlasUrl = copyWorldAtlas();
  // TypeScript modules (web/explorer/src), cytoscape and its extensions, d3-geo and topojson-client bundled into one classic script.
  const script = await esbuild.build({
    ...COMMON,
    define: { ...COMMON.define, WORLD_ATLAS_URL: JSON.stringify(worldAtlasUrl) },
    entryPoints: { explorer: path.join(WEB, 'explorer', 'src', 'main.ts') },
    outdir: EXPLORER_OUT,
    format: 'iife',
    platform: 'browser',
    entryNames: '[name]',
  });
  const style = await esbuild.build({
    ...COMMON,
    entryPoints: { explorer: path.join(WEB, 'explorer', 'explorer.css') },
    outdir: EXPLORER_OUT,
    loader: ASSET_LOADERS,
    entryNames: '[name]',
    assetNames: 'assets/[name]-[hash]',
  });

  fs.copyFileSync(path.join(WEB, 'explorer', 'index.html'), path.join(EXPLORER_OUT, 'index.html'));
  return [script, style];
}

function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(file) : [file];
  });
}

function printSizes(dir) {
  const rows = listFiles(dir)
    .filter((file) => !file.endsWith('.LEGAL.txt'))
    .map((file) => {
      const content = fs.readFileSync(file);
      return { file: path.relative(OUT, file), size: content.length, gzip: zlib.gzipSync(content, { level: 9 }).length };
    })
    .sort((a, b) => b.size - a.size);
  const width = Math.max(...rows.map((row) => row.file.length));
  for (const row of rows) {
    console.log(`  ${row.file.padEnd(width)}  ${formatBytes(row.size).padStart(9)}  (${formatBytes(row.gzip)} gzipped)`);
  }
  const total = rows.reduce((sum, row) => sum + row.size, 0);
  const totalGzip = rows.reduce((sum, row) => sum + row.gzip, 0);
  console.log(`  ${'total'.padEnd(width)}  ${formatBytes(total).padStart(9)}  (${formatBytes(totalGzip)} gzipped)\n`);
}

async function main() {
  const started = Date.now();
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  await Promise.all([buildGraphiql(), buildExplorer()]);
  console.log(`Built the web pages into ${path.relative(ROOT, OUT)}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log('\n/graphiql');
  printSizes(GRAPHIQL_OUT);
  console.log('/explore');
  printSizes(EXPLORER_OUT);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
