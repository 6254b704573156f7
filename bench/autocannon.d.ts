/**
 * The part of autocannon 9's API the load runs use (the package ships no types, and @types/autocannon lags
 * two major versions behind).
 */
declare module 'autocannon' {
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;

  namespace autocannon {
    interface RequestParams {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
    }

    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      method?: string;
      headers?: Record<string, string>;
      timeout?: number;
      requests?: Array<RequestParams & { setupRequest?: (request: RequestParams) => RequestParams }>;
      /** A response whose body fails this counts in `mismatches`. */
      verifyBody?: (body: string) => boolean;
    }

    interface Histogram {
      average: number;
      mean: number;
      p50: number;
      p97_5: number;
      p99: number;
      max: number;
      total: number;
    }

    interface Result {
      /** Seconds. */
      duration: number;
      requests: Histogram;
      latency: Histogram;
      errors: number;
      timeouts: number;
      non2xx: number;
      mismatches: number;
      '2xx': number;
    }
  }

  export = autocannon;
}
