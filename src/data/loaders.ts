import DataLoader from 'dataloader';
import type { CypherReader } from '../db/cypherRunner';
import type { RelationshipType } from '../graph/vocabulary';
import { toEntityRecord, toRelationshipRecord, type EntityRecord, type RelationshipRecord } from './records';

/**
 * Per-request batching: every entity and relationship look-up of one GraphQL operation at the same depth
 * becomes one Cypher round trip, whatever the number of parents. Fresh loaders per request keep caches
 * from leaking between requests.
 */
export interface Loaders {
  entityByUid: DataLoader<string, EntityRecord | null>;
  relationships: DataLoader<RelationshipQuery, RelationshipRecord[], string>;
}

export interface RelationshipQuery {
  elementId: string;
  /** Null: every type. */
  types: readonly RelationshipType[] | null;
  /** Null: both directions. */
  direction: 'OUTGOING' | 'INCOMING' | null;
}

/** The most relationships one entity lists in one field: hubs answer with their first ones. */
export const MAX_RELATIONSHIPS_PER_ENTITY = 500;

export function createLoaders(cypher: CypherReader): Loaders {
  return {
    entityByUid: new DataLoader(async (uids) => {
      const rows = await cypher.read('entities/by-uids', { uids: [...uids] });
      const byUid = new Map(rows.map((row) => {
        const record = toEntityRecord(row.entity);
        return [record.uid, record] as const;
      }));
      return uids.map((uid) => byUid.get(uid) ?? null);
    }),
    relationships: new DataLoader(
      async (queries) => {
        // One statement per distinct type/direction filter in the batch (a handful at most), not per parent.
        const groups = new Map<string, RelationshipQuery[]>();
        for (const query of queries) {
          const groupKey = filterKey(query);
          groups.set(groupKey, [...(groups.get(groupKey) ?? []), query]);
        }
        const results = new Map<string, RelationshipRecord[]>();
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const rows = await cypher.read('entities/relationships', {
              elementIds: group.map((query) => query.elementId),
              types: group[0].types ? [...group[0].types] : null,
              direction: group[0].direction,
              perParent: MAX_RELATIONSHIPS_PER_ENTITY,
            });
            for (const query of group) results.set(relationshipQueryKey(query), []);
            for (const row of rows) {
              results.get(`${String(row.parentId)}|${filterKey(group[0])}`)!.push(toRelationshipRecord(row));
            }
          }),
        );
        return queries.map((query) => results.get(relationshipQueryKey(query)) ?? []);
      },
      { cacheKeyFn: relationshipQueryKey },
    ),
  };
}

function filterKey(query: RelationshipQuery): string {
  return `${query.types ? [...query.types].sort().join(',') : '*'}|${query.direction ?? '*'}`;
}

function relationshipQueryKey(query: RelationshipQuery): string {
  return `${query.elementId}|${filterKey(query)}`;
}
