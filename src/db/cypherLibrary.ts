import fs from 'node:fs';
import path from 'node:path';

/** The named Cypher of `cypher/`, read once at start: `events/list` is `cypher/events/list.cypher`. */
export class CypherLibrary {
  private constructor(private readonly statements: ReadonlyMap<string, string>) {}

  static load(cypherDir: string): CypherLibrary {
    const statements = new Map<string, string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.cypher')) {
          const name = path.relative(cypherDir, full).replace(/\\/g, '/').replace(/\.cypher$/, '');
          statements.set(name, fs.readFileSync(full, 'utf8'));
        }
      }
    };
    walk(cypherDir);
    return new CypherLibrary(statements);
  }

  get(name: string): string {
    const text = this.statements.get(name);
    if (text === undefined) throw new Error(`No Cypher named "${name}" in cypher/.`);
    return text;
  }

  /** A script's statements, split at semicolons that end a line (migrations hold several). */
  statementsOf(name: string): string[] {
    return this.get(name)
      .split(/;\s*(?:\r?\n|$)/)
      .map((statement) => statement.replace(/^\s*\/\/.*$/gm, '').trim())
      .filter((statement) => statement.length > 0);
  }

  names(): string[] {
    return [...this.statements.keys()].sort();
  }
}
