import type { Resolvers } from '../../generated/graphql';
import { changeFeed, historyOf } from '../../data/history';
import { changeGlobalId, relationshipGlobalId, toGlobalId } from '../../data/globalId';
import type { ChangeRecord, EntityRecord, RelationshipRecord } from '../../data/records';
import type { ProvenanceEntry } from '../../graph/storedProperties';
import { isRelationshipType, NODE_LABELS } from '../../graph/vocabulary';
import type { PropertyChange } from '../../writes/history';
import type { RequestContext } from '../context';
import { reads } from './fields';

/** The history side of the schema: versions and `history` on everything, the `changes` feed, and Change itself. */

interface HistoryArgs {
  first?: number | null;
  after?: string | null;
}

const RELATIONSHIP_UID = /^Relationship:([A-Z_]+):(.+)$/;

function targetId(uid: string): string {
  const relationship = RELATIONSHIP_UID.exec(uid);
  return relationship && isRelationshipType(relationship[1]) ? relationshipGlobalId(relationship[1], relationship[2]) : toGlobalId(uid);
}

const entityHistory = {
  version: reads(['version'], (entity: EntityRecord) => Number(entity.props.version ?? 1)),
  history: reads([], (entity: EntityRecord, args: HistoryArgs, ctx: RequestContext) => historyOf(ctx.cypher, entity.uid, args)),
};

export const historyResolvers: Resolvers = {
  ...(Object.fromEntries(NODE_LABELS.map((label) => [label, entityHistory])) as Resolvers),
  Query: {
    // graphql-scalars parses DateTime into a Date.
    changes: (_parent, args, ctx) => changeFeed(ctx.cypher, args.since ? new Date(args.since as unknown as string).toISOString() : null, args),
  },
  Relationship: {
    version: (rel: RelationshipRecord) => Number(rel.props.version ?? 1),
    history: (rel: RelationshipRecord, args, ctx) => historyOf(ctx.cypher, `Relationship:${rel.type}:${rel.id}`, args),
  },
  Change: {
    id: (change) => changeGlobalId(change.sequence),
    sequence: (change) => change.sequence,
    at: (change) => change.at,
    principalId: (change) => change.principalId,
    principalName: (change) => change.principalName,
    operation: (change) => change.operation as never,
    targetId: (change) => targetId(change.targetUid),
    target: (change: ChangeRecord, _args, ctx) => {
      const relationship = RELATIONSHIP_UID.exec(change.targetUid);
      if (relationship && isRelationshipType(relationship[1])) return ctx.loaders.relationshipById.load({ type: relationship[1], id: relationship[2] });
      return ctx.loaders.entityByUid.load(change.targetUid);
    },
    propertyChanges: (change) => JSON.parse(change.changes) as PropertyChange[],
    provenance: (change) => (change.provenance ? (JSON.parse(change.provenance) as ProvenanceEntry) : null),
    versionAfter: (change) => change.versionAfter,
    revertOf: (change, _args, ctx) => (change.revertOf === null ? null : ctx.loaders.changeBySequence.load(change.revertOf)),
  },
};
