import http from 'node:http';

/**
 * The one GraphQL client of the benchmark, the same for our server and the peer's: a JSON POST over HTTP on
 * 127.0.0.1 through node:http with a keep-alive agent (a timed request pays no TCP set-up), the answer parsed.
 * node:http rather than fetch: on this 2-core machine fetch (undici) cost the client about 1 ms more per
 * request (a local check on 2026-12-02: `{ __typename }` from our server, one client, 5 s each way: median
 * 2.4 ms through fetch, 1.3 ms through node:http), CPU that the servers being measured share. A GraphQL error is thrown: a side that errors must never be timed as if it
 * had answered.
 */
export class GraphqlClient {
  private readonly target: URL;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

  constructor(
    readonly name: string,
    readonly url: string,
  ) {
    this.target = new URL(url);
  }

  async post<T = any>(query: string, variables: Record<string, unknown> = {}, requestId?: string): Promise<T> {
    const body = JSON.stringify({ query, variables });
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (requestId) headers['x-request-id'] = requestId;
    const { status, text } = await this.send(body, headers);
    let parsed: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${this.name}: HTTP ${status}, not JSON: ${text.slice(0, 200)}`);
    }
    if (parsed.errors?.length) {
      const [first] = parsed.errors;
      throw new Error(`${this.name}: ${first.extensions?.code ? `${first.extensions.code}: ` : ''}${first.message}`);
    }
    if (status < 200 || status > 299 || parsed.data === undefined) throw new Error(`${this.name}: HTTP ${status} without data`);
    return parsed.data;
  }

  /** Closes the kept-alive sockets, so a finished run leaves nothing open. */
  close(): void {
    this.agent.destroy();
  }

  private send(body: string, headers: Record<string, string | number>): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: this.target.hostname, port: this.target.port, path: `${this.target.pathname}${this.target.search}`, method: 'POST', agent: this.agent, headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }
}
