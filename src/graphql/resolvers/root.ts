import type { Resolvers } from '../../generated/graphql';
import { fromAnyGlobalId } from '../../data/globalId';
import type { NodeRecord } from '../../data/records';
import { LimitExceededError } from '../../errors';
import { LIMITS } from '../../limits';
import type { RequestContext } from '../context';
import { version as serverVersion } from '../../../package.json';

function nodeById(id: string, argument: string, ctx: RequestContext): Promise<NodeRecord | null> {
  const decoded = fromAnyGlobalId(id, argument);
  if (decoded.kind === 'entity') return ctx.loaders.entityByUid.load(decoded.uid);
  if (decoded.kind === 'change') return ctx.loaders.changeBySequence.load(decoded.sequence);
  return ctx.loaders.relationshipById.load(decoded);
}

export const rootResolvers: Resolvers = {
  Query: {
    about: async (_parent, _args, ctx) => {
      const [info] = await ctx.cypher.read('system/server-info');
      return { name: 'GeoCoop Graph', serverVersion, neo4jVersion: String(info.version), neo4jEdition: String(info.edition) };
    },
    node: (_parent, args, ctx) => nodeById(args.id, 'id', ctx),
    nodes: (_parent, args, ctx) => {
      if (args.ids.length > LIMITS.nodesPerRequest) throw new LimitExceededError('ids', LIMITS.nodesPerRequest);
      return Promise.all(args.ids.map((id) => nodeById(id, 'ids', ctx)));
    },
  },
};
