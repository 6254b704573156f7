import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';

/**
 * The hand-written side: one parameterised statement per case, from bench/cypher/<name>.cypher, sent through
 * a bare neo4j-driver (its executeQuery: one managed read transaction, no GraphQL, no HTTP, none of our
 * code), rows as plain objects.
 */
export const HAND_STATEMENTS = [
  'lookup',
  'filtered-sorted-list',
  'nested',
  'counts-per-group',
  'page',
  'page-offset',
  'page-seek',
  'neighbourhood-depth2',
  'shortest-path',
] as const;
export type HandStatement = (typeof HAND_STATEMENTS)[number];

export type HandRow = Record<string, any>;

export class HandCypher {
  private constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly texts: Map<HandStatement, string>,
  ) {}

  static load(rootDir: string, driver: Driver, database: string): HandCypher {
    const dir = path.join(rootDir, 'bench', 'cypher');
    const texts = new Map(HAND_STATEMENTS.map((name) => [name, fs.readFileSync(path.join(dir, `${name}.cypher`), 'utf8')] as const));
    return new HandCypher(driver, database, texts);
  }

  async run(name: HandStatement, params: Record<string, unknown> = {}): Promise<HandRow[]> {
    const { records } = await this.driver.executeQuery(this.texts.get(name)!, asCypherParams(params), {
      database: this.database,
      routing: neo4j.routing.READ,
    });
    return records.map((record) => record.toObject());
  }

  /** A read of the benchmark's own set-up (inputs, cursors), never timed. */
  async runSetup(text: string, params: Record<string, unknown> = {}): Promise<HandRow[]> {
    const { records } = await this.driver.executeQuery(text, asCypherParams(params), { database: this.database, routing: neo4j.routing.READ });
    return records.map((record) => record.toObject());
  }
}

/** JS numbers go to Neo4j as floats, which SKIP and LIMIT refuse: whole numbers are sent as integers. */
function asCypherParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, Number.isInteger(value) ? neo4j.int(value as number) : value]));
}
