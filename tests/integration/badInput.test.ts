import type { RunningServer } from '../../src/server';
import { postGraphql, startTestServer } from '../helpers/testServer';

/** Bad arguments answer with a clear error and a stable code over real HTTP — never a 500, never a stack trace. */
describe('bad input', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function firstError(query: string, variables: Record<string, unknown> = {}) {
    const { status, body } = await postGraphql(server.url, query, variables);
    expect(status).toBeLessThan(500);
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect(JSON.stringify(error)).not.toMatch(/stacktrace|\bat .*\.(js|ts):\d+/);
    return error;
  }

  it('rejects a bad country code, naming the argument', async () => {
    const error = await firstError('query($c: CountryCode!) { country(code: $c) { name } }', { c: 'XYZ1' });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('$c');
  });

  it('rejects an unknown enum value as a validation error', async () => {
    const error = await firstError('{ events(orderBy: { field: COLOUR }) { totalCount } }');
    expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toContain('COLOUR');
  });

  it('rejects a cursor that is not ours, naming `after`', async () => {
    const error = await firstError('{ events(after: "bm9wZQ") { totalCount } }');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it('rejects a cursor made for another sort order', async () => {
    const { body } = await postGraphql(server.url, '{ countries(first: 2, orderBy: { field: NAME }) { pageInfo { endCursor } } }');
    const cursor = body.data.countries.pageInfo.endCursor;
    const error = await firstError('query($a: String) { countries(after: $a, orderBy: { field: CODE }) { totalCount } }', { a: cursor });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it('rejects a malformed ID, naming `id`', async () => {
    const error = await firstError('{ node(id: "???") { id } }');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
  });

  it('rejects a page larger than 100 with LIMIT_EXCEEDED', async () => {
    const error = await firstError('{ organizations(first: 101) { totalCount } }');
    expect(error.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argumentName: 'first', limit: 100 });
  });

  it('rejects a negative page size', async () => {
    const error = await firstError('{ themes(first: -1) { totalCount } }');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });

  it('asks for exactly one of key or acronym', async () => {
    const error = await firstError('{ organization { name } }');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
