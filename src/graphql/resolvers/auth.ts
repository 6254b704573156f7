import type { ApiKeyRecord, KeyPosition } from '../../auth/apiKeyStore';
import type { AuthServices } from '../../auth';
import { keyNameProblem } from '../../auth/keyName';
import { requireRole } from '../../auth/viewer';
import { decodeCursor, encodeCursor, type CursorBinding } from '../../data/cursors';
import { boundedInt } from '../../data/arguments';
import { BadInputError } from '../../errors';
import type { ApiKey, Resolvers } from '../../generated/graphql';
import { LIMITS } from '../../limits';

const API_KEYS: CursorBinding = { list: 'apiKeys', filter: {}, order: 'CREATED_AT ASC' };

/** API key administration: `apiKeys`, `createApiKey`, `revokeApiKey`, all for admins only. */
export function authResolvers(auth: AuthServices): Resolvers {
  return {
    Query: {
      apiKeys: async (_parent, args, ctx) => {
        requireRole(ctx.viewer, 'admin');
        const first = boundedInt('first', args.first, LIMITS.auth.apiKeysPage);
        const after = args.after ? positionOf(decodeCursor('after', args.after, API_KEYS)) : undefined;
        const [rows, totalCount] = await Promise.all([auth.keys.page(first + 1, after), auth.keys.count()]);
        const edges = rows.slice(0, first).map((key) => ({ cursor: cursorOf(key), node: toApiKey(key) }));
        return {
          edges,
          nodes: edges.map((edge) => edge.node),
          totalCount,
          pageInfo: {
            hasNextPage: rows.length > first,
            hasPreviousPage: after !== undefined,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        };
      },
    },
    Mutation: {
      createApiKey: async (_parent, { input }, ctx) => {
        const admin = requireRole(ctx.viewer, 'admin');
        const clientMutationId = input.clientMutationId ?? null;
        const problem = keyNameProblem(input.name);
        if (problem) return { key: null, apiKey: null, clientMutationId, userErrors: [{ field: ['name'], ...problem }] };
        const role = input.role === 'ADMIN' ? 'admin' : 'editor';
        const created = await auth.keys.create({ name: input.name, role, createdBy: admin.id });
        ctx.logger.info({ apiKey: created.apiKey.id, role, by: admin.id }, 'API key created');
        return { key: created.token, apiKey: toApiKey(created.apiKey), clientMutationId, userErrors: [] };
      },
      revokeApiKey: async (_parent, { input }, ctx) => {
        const admin = requireRole(ctx.viewer, 'admin');
        const clientMutationId = input.clientMutationId ?? null;
        const revoked = await auth.keys.revoke(input.id, admin.id);
        if (!revoked) {
          return {
            apiKey: null,
            clientMutationId,
            userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: `No API key has the id ${JSON.stringify(input.id)}.` }],
          };
        }
        auth.keyVerifier.forget(revoked.id);
        ctx.logger.info({ apiKey: revoked.id, by: admin.id }, 'API key revoked');
        return { apiKey: toApiKey(revoked), clientMutationId, userErrors: [] };
      },
    },
  };
}

function toApiKey(key: ApiKeyRecord): ApiKey {
  return { ...key, role: key.role === 'admin' ? 'ADMIN' : 'EDITOR' };
}

function cursorOf(key: ApiKeyRecord): string {
  return encodeCursor(API_KEYS, JSON.stringify([key.createdAt, key.id]));
}

function positionOf(position: string): KeyPosition {
  const parsed: unknown = JSON.parse(position);
  if (!Array.isArray(parsed) || parsed.length !== 2 || !parsed.every((part) => typeof part === 'string')) {
    throw new BadInputError('after', 'is not a valid cursor. Pass `pageInfo.endCursor` of a previous page.');
  }
  return { createdAt: parsed[0] as string, id: parsed[1] as string };
}
