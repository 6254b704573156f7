import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { CachingConfig } from '../config';
import type { CypherRunner } from '../db/cypherRunner';
import type { Logger } from '../logger';
import type { RequestContext } from './context';

/**
 * Whole answers to anonymous queries, kept in this process (an LRU bounded in bytes) for their cache hints'
 * `maxAge`. Every write empties it: a new entity, a changed name or a removed link changes lists, counts,
 * search hits and paths that never named the entity, so dropping only the answers that hold it would serve
 * stale lists. The generation tells an answer computed before a write not to be stored after it.
 */
export class ResponseCacheStore {
  readonly cache: InMemoryLRUCache<string>;
  private generationValue = 0;

  constructor(maxBytes: number) {
    this.cache = new InMemoryLRUCache<string>({ maxSize: maxBytes });
  }

  get generation(): number {
    return this.generationValue;
  }

  invalidate(): void {
    this.generationValue += 1;
    this.cache.clear();
  }

  get entries(): number {
    return this.cache.keys().length;
  }
}

function isAnonymous(context: GraphQLRequestContext<BaseContext>): boolean {
  return (context.contextValue as RequestContext).viewer?.kind === 'anonymous';
}

/**
 * Apollo's response cache for anonymous queries (authenticated ones always run: what a key may see is not the
 * public's), plus the invalidation: a mutation in this process empties the store before its answer is sent.
 */
export function responseCachePlugins(store: ResponseCacheStore): ApolloServerPlugin[] {
  const startedAt = new WeakMap<object, number>();
  return [
    {
      async requestDidStart({ contextValue }) {
        startedAt.set(contextValue, store.generation);
        return {
          async willSendResponse({ operation }) {
            if (operation && operation.operation !== 'query') store.invalidate();
          },
        };
      },
    },
    responseCachePlugin({
      cache: store.cache,
      shouldReadFromCache: async (context) => isAnonymous(context),
      shouldWriteToCache: async (context) => isAnonymous(context) && startedAt.get(context.contextValue) === store.generation,
    }),
  ];
}

/**
 * Reads the change feed's head every `feedPollMs` and empties the store when it moved: writes by another
 * replica, the import CLI or a revert elsewhere reach this process's cache within one interval. Returns stop.
 */
export function watchChangeFeed(runner: CypherRunner, store: ResponseCacheStore, config: CachingConfig, logger: Logger): () => void {
  if (config.feedPollMs === 0) return () => undefined;
  let head: number | undefined;
  let polling = false;
  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      const [row] = await runner.read('history/feed-head', {}, Math.max(500, config.feedPollMs));
      const sequence = Number(row.sequence);
      if (head !== undefined && sequence !== head) store.invalidate();
      head = sequence;
    } catch (error) {
      // Neo4j away: nothing can be written either; the next poll after it is back compares again.
      logger.debug({ err: error }, 'reading the change feed head failed');
    } finally {
      polling = false;
    }
  };
  void poll();
  const timer = setInterval(() => void poll(), config.feedPollMs);
  timer.unref();
  return () => clearInterval(timer);
}
