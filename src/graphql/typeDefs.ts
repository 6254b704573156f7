import fs from 'node:fs';
import path from 'node:path';

/** The SDL of schema/*.graphql, in file-name order (base.graphql first by name). */
export function loadTypeDefs(rootDir: string): string[] {
  const schemaDir = path.join(rootDir, 'schema');
  return fs
    .readdirSync(schemaDir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => fs.readFileSync(path.join(schemaDir, name), 'utf8'));
}
