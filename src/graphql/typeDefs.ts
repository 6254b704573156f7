import fs from 'node:fs';
import path from 'node:path';
import { limitAt } from '../limits';

/** `{{limit:page.max}}` in a description is filled in from src/limits.ts, so the manual and the checks agree. */
const LIMIT_PLACEHOLDER = /\{\{limit:([A-Za-z.]+)\}\}/g;

export function withLimits(sdl: string): string {
  return sdl.replace(LIMIT_PLACEHOLDER, (_match, limitPath: string) => String(limitAt(limitPath)));
}

/** The SDL of schema/*.graphql, in file-name order (base.graphql first by name), limits filled in. */
export function loadTypeDefs(rootDir: string): string[] {
  const schemaDir = path.join(rootDir, 'schema');
  return fs
    .readdirSync(schemaDir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => withLimits(fs.readFileSync(path.join(schemaDir, name), 'utf8')));
}
