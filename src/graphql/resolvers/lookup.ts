import { CONFIDENCE_RANK, type Confidence } from '../../graph/storedProperties';
import type { GraphQLResolveInfo } from 'graphql';
import { fromGlobalId } from '../../data/globalId';
import { entityWithReadAhead } from '../../data/prefetch';
import { entityReadAhead, listReadAhead } from '../lookahead';
import { listPage, type ListRequest, type ListSpec } from '../../data/lists';
import { normalizeForLookup } from '../../data/normalize';
import type { NodeLabel } from '../../graph/vocabulary';
import type { RequestContext } from '../context';

/**
 * A resolver fetching one entity of a kind by its natural key, with the relationship pages its query selects
 * read ahead in the same statement (or through the batching loader when it selects none).
 */
export function byKey(label: NodeLabel, argument: string, normalize: (key: string) => string = (key) => key) {
  return async (_parent: unknown, args: Record<string, string | null | undefined>, ctx: RequestContext, info: GraphQLResolveInfo) =>
    asOfDay(await entityWithReadAhead(ctx.cypher, ctx.loaders, { uid: `${label}:${normalize(args[argument]!)}` }, label, entityReadAhead(info, label)), args.asOf);
}

/** An entity read "as of" a day, which its relationship connections inherit (src/graphql/resolvers/relationships.ts). */
export function asOfDay<T extends object>(entity: T | null, asOf: string | null | undefined): T | null {
  // A copy: the loaders' cached record is shared with reads that are not "as of" a day.
  return entity && asOf ? { ...entity, asOf } : entity;
}

/** Normalises optional text filters once, the same way the stored `lookupText` was folded. */
export function lookupFilter(value: string | null | undefined): string | null {
  return value ? normalizeForLookup(value) : null;
}

/** The filters every root list with a filter input offers: provenance from a source, and a least confidence. */
export function provenanceFilter(filter: { source?: string | null; minConfidence?: Confidence | null } | null | undefined) {
  return {
    source: filter?.source ?? null,
    minConfidence: filter?.minConfidence ? CONFIDENCE_RANK[filter.minConfidence] : null,
  };
}

/** Organization references in filters accept a key (`cgs`) or an acronym (`CGS`); both compare folded. */
export function organizationRef(value: string | null | undefined): string | null {
  return value ? normalizeForLookup(value) : null;
}

export function uidFromId(id: string | null | undefined, argument: string): string | null {
  return id ? fromGlobalId(id, argument).uid : null;
}

export function upperCase(value: string | null | undefined): string | null {
  return value ? value.toUpperCase() : null;
}

interface ListArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  orderBy?: ListRequest['orderBy'];
}

/** A root list resolver: the arguments' paging plus the filter values `filterOf` normalises for the fragments. */
export function rootList<A extends ListArgs>(spec: ListSpec, filterOf: (args: A) => Record<string, unknown> = () => ({})) {
  return (_parent: unknown, args: A, ctx: RequestContext, info: GraphQLResolveInfo) =>
    listPage(
      ctx.cypher,
      spec,
      { first: args.first, after: args.after, last: args.last, before: args.before, orderBy: args.orderBy, filter: filterOf(args) },
      listReadAhead(info, spec.label),
    );
}
