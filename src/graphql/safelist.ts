import type { ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { stripIgnoredCharacters } from 'graphql';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import type { SafelistConfig } from '../config';
import { OperationNotSafelistedError } from '../errors';

/** Apollo's persisted query manifest format (what `npm run build:web` writes and what an operator adds). */
const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(z.object({ id: z.string().optional(), name: z.string().nullable().optional(), body: z.string().min(1) })),
});

export class SafelistError extends Error {}

/** The accepted operations: by the hash of their text without ignored characters, and by their APQ hash. */
export interface Safelist {
  /** How many distinct operations it accepts. */
  size: number;
  accepts(source: string): boolean;
  /** The body of a listed operation by the SHA-256 of its exact text (what APQ clients send). */
  bodyByHash(sha256: string): string | undefined;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Two texts of one operation that differ only in whitespace, commas or comments (GraphiQL shows its examples
 * pretty-printed under a comment) are the same operation.
 */
function operationKey(source: string): string | undefined {
  try {
    return sha256(stripIgnoredCharacters(source));
  } catch {
    return undefined; // Not even lexable: never listed; Apollo's parser answers it.
  }
}

function readManifest(file: string, hint: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new SafelistError(`Safelist mode: cannot read ${file}. ${hint}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SafelistError(`Safelist mode: ${file} is not JSON. ${hint}`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new SafelistError(`Safelist mode: ${file} is not a persisted query manifest ({ "format": "apollo-persisted-query-manifest", "version": 1, "operations": [{ "body": … }] }).`);
  }
  return parsed.data.operations.map((operation) => operation.body);
}

/** Our pages' manifest (built) plus the operator's file; read once at start, so a bad file stops the start. */
export function loadSafelist(config: SafelistConfig): Safelist {
  const bodies = [
    ...readManifest(config.builtManifest, 'Run `npm run build:web`, which builds it from the explorer and GraphiQL.'),
    ...readManifest(config.operatorManifest, 'OPERATIONS_SAFELIST names the operator\'s manifest; it may list no operations.'),
  ];
  const keys = new Set<string>();
  const byHash = new Map<string, string>();
  for (const body of bodies) {
    const key = operationKey(body);
    if (key === undefined) throw new SafelistError(`Safelist mode: a listed operation is not GraphQL: ${body.slice(0, 80)}`);
    keys.add(key);
    byHash.set(sha256(body), body);
  }
  return {
    size: keys.size,
    accepts: (source) => {
      const key = operationKey(source);
      return key !== undefined && keys.has(key);
    },
    bodyByHash: (hash) => byHash.get(hash),
  };
}

/**
 * Refuses, before it runs, any operation whose text is not in the safelist (OPERATION_NOT_SAFELISTED). At
 * `didResolveOperation`, so a refused text is never registered as a persisted query either.
 */
export function safelistPlugin(safelist: Safelist): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ source }) {
          if (!safelist.accepts(source)) throw new OperationNotSafelistedError();
        },
      };
    },
  };
}

const APQ_PREFIX = 'apq:';

/**
 * The APQ store, which also knows every safelisted operation by its hash: a client can send only the hash of a
 * listed operation without registering it first (Apollo reads this store with keys `apq:<sha256>`).
 */
export function persistedQueriesWithSafelist(store: KeyValueCache<string>, safelist: Safelist): KeyValueCache<string> {
  return {
    async get(key) {
      const listed = key.startsWith(APQ_PREFIX) ? safelist.bodyByHash(key.slice(APQ_PREFIX.length)) : undefined;
      return listed ?? store.get(key);
    },
    set: (key, value, options) => store.set(key, value, options),
    delete: (key) => store.delete(key),
  };
}
