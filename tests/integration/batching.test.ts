import type { RunningServer } from '../../src/server';
import { executeObserved } from '../helpers/testGraph';
import { startTestServer } from '../helpers/testServer';

/**
 * No N+1: the Cypher round trips of an operation grow with its nesting depth, not with the number of
 * results. The runner counts every statement it sends to Neo4j.
 */
describe('query batching', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function countStatements(query: string) {
    const { result, statements } = await executeObserved(server, query);
    expect(result.errors).toBeUndefined();
    return { statements: statements.length, data: result.data };
  }

  it('runs one statement per nesting level for a depth-3 query over many results', async () => {
    const { statements, data } = await countStatements(`{
      countries(first: 100) {
        nodes {
          code
          memberships { organization { acronym memberCountries { country { code regions { code parent { code } } } } } }
        }
      } }`);
    const countries = data.countries.nodes;
    const memberships = countries.flatMap((c: any) => c.memberships);
    const nestedCountries = memberships.flatMap((m: any) => m.organization.memberCountries);
    // Many results at every level...
    expect(countries.length).toBeGreaterThan(15);
    expect(nestedCountries.length).toBeGreaterThan(200);
    // ...but one list statement plus one batched statement for each of the five relationship levels.
    expect(statements).toBeLessThanOrEqual(6);
  });

  it('needs no more statements for 17 countries than for 2', async () => {
    const query = (first: number) =>
      `{ countries(first: ${first}) { nodes { memberships { organization { headquarters { country { code } } } } regions { name } } } }`;
    const few = await countStatements(query(2));
    const many = await countStatements(query(100));
    expect(many.statements).toBe(few.statements);
  });

  it('counts totalCount with one extra statement, and only when it is asked for', async () => {
    const without = await countStatements('{ events { nodes { name } } }');
    const withTotal = await countStatements('{ events { totalCount nodes { name } } }');
    expect(without.statements).toBe(1);
    expect(withTotal.statements).toBe(2);
  });
});
