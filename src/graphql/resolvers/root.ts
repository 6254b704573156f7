import type { RequestContext } from '../context';
import { LimitExceededError } from '../../errors';
import { fromGlobalId } from '../../data/globalId';
import { version as serverVersion } from '../../../package.json';

const MAX_NODES_PER_REQUEST = 100;

export const rootResolvers = {
  Query: {
    about: async (_parent: unknown, _args: unknown, ctx: RequestContext) => {
      const [info] = await ctx.cypher.read('system/server-info');
      return {
        name: 'GeoCoop Graph',
        serverVersion,
        neo4jVersion: String(info.version),
        neo4jEdition: String(info.edition),
      };
    },
    node: (_parent: unknown, args: { id: string }, ctx: RequestContext) =>
      ctx.loaders.entityByUid.load(fromGlobalId(args.id).uid),
    nodes: (_parent: unknown, args: { ids: string[] }, ctx: RequestContext) => {
      if (args.ids.length > MAX_NODES_PER_REQUEST) throw new LimitExceededError('ids', MAX_NODES_PER_REQUEST);
      return Promise.all(args.ids.map((id) => ctx.loaders.entityByUid.load(fromGlobalId(id, 'ids').uid)));
    },
  },
};
