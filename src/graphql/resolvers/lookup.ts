import type { RequestContext } from '../context';
import { fromGlobalId } from '../../data/globalId';
import { normalizeForLookup } from '../../data/normalize';
import { paginate, type PageRequest } from '../../data/pagination';
import type { NodeLabel } from '../../graph/vocabulary';

/** A resolver fetching one entity of a kind by its natural key. */
export function byKey(label: NodeLabel, argument: string, normalize: (key: string) => string = (key) => key) {
  return (_parent: unknown, args: Record<string, string>, ctx: RequestContext) =>
    ctx.loaders.entityByUid.load(`${label}:${normalize(args[argument])}`);
}

/** Normalises optional text filters once, the same way the seed stored `lookupText`. */
export function lookupFilter(value: string | null | undefined): string | null {
  return value ? normalizeForLookup(value) : null;
}

/** Organization references in filters accept a key (`cgs`) or an acronym (`CGS`); both compare lower-cased. */
export function organizationRef(value: string | null | undefined): string | null {
  return value ? value.trim().toLowerCase() : null;
}

export function uidFromId(id: string | null | undefined, argument: string): string | null {
  return id ? fromGlobalId(id, argument).uid : null;
}

interface ListArgs {
  first?: number | null;
  after?: string | null;
  orderBy?: { field: string; direction?: 'ASC' | 'DESC' | null } | null;
}

export function pageOf(args: ListArgs): PageRequest {
  return { first: args.first, after: args.after, orderField: args.orderBy?.field, direction: args.orderBy?.direction };
}

/** Lists any kind through the generic uid-prefix list (kinds without filters of their own). */
export function listOfKind(label: NodeLabel, kindProperty?: string) {
  return (_parent: unknown, args: ListArgs & Record<string, unknown>, ctx: RequestContext) =>
    paginate(
      ctx.cypher,
      'entities',
      {
        uidPrefix: `${label}:`,
        nameContains: lookupFilter(args.nameContains as string | undefined),
        kind: kindProperty ? (args[kindProperty] ?? null) : null,
      },
      pageOf(args),
    );
}
