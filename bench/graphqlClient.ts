/**
 * The one GraphQL client of the benchmark, the same for our server and the peer's: a JSON POST over HTTP on
 * 127.0.0.1 through Node's fetch (keep-alive, so a timed request pays no TCP set-up), the answer parsed.
 * A GraphQL error is thrown: a side that errors must never be timed as if it had answered.
 */
export class GraphqlClient {
  constructor(
    readonly name: string,
    readonly url: string,
  ) {}

  async post<T = any>(query: string, variables: Record<string, unknown> = {}, requestId?: string): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (requestId) headers['x-request-id'] = requestId;
    const response = await fetch(this.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const text = await response.text();
    let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${this.name}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`);
    }
    if (body.errors?.length) {
      const [first] = body.errors;
      throw new Error(`${this.name}: ${first.extensions?.code ? `${first.extensions.code}: ` : ''}${first.message}`);
    }
    if (!response.ok || body.data === undefined) throw new Error(`${this.name}: HTTP ${response.status} without data`);
    return body.data;
  }
}
