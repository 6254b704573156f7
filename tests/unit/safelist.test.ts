import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSafelist, SafelistError } from '../../src/graphql/safelist';

/** Safelist manifests are read once at start: a bad file stops the start with a sentence, not a stack. */
describe('loading the safelist', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'geocoop-safelist-unit-'));
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const manifest = (bodies: string[]) => ({ format: 'apollo-persisted-query-manifest', version: 1, operations: bodies.map((body) => ({ body })) });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('accepts a listed operation however it is spaced or commented, and nothing else', () => {
    const safelist = loadSafelist({ builtManifest: write('built.json', manifest(['query A { about { name } }'])), operatorManifest: write('operator.json', manifest([])) });
    expect(safelist.size).toBe(1);
    expect(safelist.accepts('# a comment\nquery A {\n  about {\n    name\n  }\n}\n')).toBe(true);
    expect(safelist.accepts('query A { about { name serverVersion } }')).toBe(false);
    expect(safelist.accepts('query A { about { "unterminated')).toBe(false);
  });

  it('names the file that is missing, not JSON, or not a manifest', () => {
    const built = write('built-ok.json', manifest(['{ about { name } }']));
    expect(() => loadSafelist({ builtManifest: path.join(dir, 'absent.json'), operatorManifest: built })).toThrow(new SafelistError(`Safelist mode: cannot read ${path.join(dir, 'absent.json')}. Run \`npm run build:web\`, which builds it from the explorer and GraphiQL.`));
    const notJson = write('not-json.json', '{ nope');
    expect(() => loadSafelist({ builtManifest: built, operatorManifest: notJson })).toThrow(`${notJson} is not JSON`);
    const wrongShape = write('wrong.json', { operations: ['{ about { name } }'] });
    expect(() => loadSafelist({ builtManifest: built, operatorManifest: wrongShape })).toThrow(`${wrongShape} is not a persisted query manifest`);
  });
});
