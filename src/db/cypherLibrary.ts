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

  has(name: string): boolean {
    return this.statements.has(name);
  }

  /**
   * A template of cypher/ with its `{{slot}}`s filled. Slot values are never request text: they are labels,
   * relationship types and sort properties from the allow-lists, or other fragments of this library, chosen
   * by the data layer. Every slot must be filled, and only known slots may be given.
   */
  compose(name: string, slots: Record<string, string>): string {
    // A template's comment lines document the file; composed into another statement they would only add noise.
    const template = this.get(name).replace(/^\s*\/\/.*(?:\r?\n|$)/gm, '').trim();
    const used = new Set<string>();
    const text = template.replace(/\{\{(\w+)\}\}/g, (_match, slot: string) => {
      const value = slots[slot];
      if (value === undefined) throw new Error(`Cypher template ${name} needs the slot {{${slot}}}.`);
      used.add(slot);
      return value;
    });
    const unknown = Object.keys(slots).filter((slot) => !used.has(slot));
    if (unknown.length > 0) throw new Error(`Cypher template ${name} has no slot ${unknown.join(', ')}.`);
    return text;
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
