#!/usr/bin/env node
/**
 * Builds the operation manifest of our own pages — every operation the explorer sends
 * (web/explorer/src/operations.ts) and GraphiQL's example tabs (web/graphiql/main.tsx) — in Apollo's persisted
 * query manifest format, at dist/safelist/operations.json. With OPERATIONS_SAFELIST set, the server accepts only
 * these operations plus the operator's file (src/graphql/safelist.ts).
 *
 * Usage: node scripts/build-safelist.mjs   (part of npm run build:web)
 */
import * as esbuild from 'esbuild';
import { parse } from 'graphql';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'safelist', 'operations.json');

/** The explorer's operations module, compiled and evaluated: it exports EXPLORER_OPERATIONS (name → document). */
async function explorerOperations() {
  const built = await esbuild.build({
    entryPoints: [path.join(ROOT, 'web', 'explorer', 'src', 'operations.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', built.outputFiles[0].text)(module, module.exports);
  const operations = module.exports.EXPLORER_OPERATIONS;
  if (!operations || typeof operations !== 'object') throw new Error('web/explorer/src/operations.ts no longer exports EXPLORER_OPERATIONS');
  return Object.values(operations);
}

/**
 * GraphiQL's example tabs: the `query` string of every element of the `EXAMPLES` array in main.tsx, read from the
 * TypeScript syntax tree (the page module imports the browser and cannot be evaluated in Node).
 */
function graphiqlExamples() {
  const file = path.join(ROOT, 'web', 'graphiql', 'main.tsx');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const queries = [];
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'EXAMPLES' && node.initializer && ts.isArrayLiteralExpression(node.initializer)) {
      for (const element of node.initializer.elements) {
        if (!ts.isObjectLiteralExpression(element)) continue;
        for (const property of element.properties) {
          if (ts.isPropertyAssignment(property) && property.name.getText() === 'query') {
            if (!ts.isStringLiteralLike(property.initializer)) throw new Error(`main.tsx: an example's query is not a plain string: ${property.initializer.getText()}`);
            queries.push(property.initializer.text);
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (queries.length === 0) throw new Error('web/graphiql/main.tsx has no EXAMPLES array of { query } objects');
  return queries;
}

function manifestEntry(body) {
  const operation = parse(body).definitions.find((definition) => definition.kind === 'OperationDefinition');
  return {
    id: createHash('sha256').update(body).digest('hex'),
    name: operation?.name?.value ?? null,
    type: operation?.operation ?? 'query',
    body,
  };
}

const bodies = [...(await explorerOperations()), ...graphiqlExamples()];
const operations = [...new Map(bodies.map((body) => [body, manifestEntry(body)])).values()];
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2)}\n`);
console.log(`safelist manifest: ${operations.length} operations → ${path.relative(ROOT, OUT)}`);
