import { changesBySequence } from './history';
import DataLoader from 'dataloader';
import type { CypherReader } from '../db/cypherRunner';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../graph/vocabulary';
import { toEntityRecord, type ChangeRecord, type EntityRecord, type RelationshipRecord } from './records';
import { createListCompletenessLoader, type ListCompletenessResult, type ListKey } from './listCompleteness';
import { createRelationshipLoaders, type RelationshipLoaders } from './relationshipPages';

/**
 * Per-request batching: every entity and relationship look-up of one GraphQL operation at the same depth
 * becomes one Cypher round trip, whatever the number of parents. Fresh loaders per request keep caches
 * from leaking between requests.
 */
export interface Loaders {
  entityByUid: DataLoader<string, EntityRecord | null>;
  relationshipById: DataLoader<{ type: RelationshipType; id: string }, RelationshipRecord | null, string>;
  relationships: RelationshipLoaders;
  changeBySequence: DataLoader<number, ChangeRecord | null>;
  listCompleteness: DataLoader<ListKey, ListCompletenessResult, string>;
}

export function createLoaders(cypher: CypherReader): Loaders {
  return {
    entityByUid: new DataLoader(async (uids) => {
      const rows = await cypher.read('entities/by-uids', { uids: [...uids] });
      const byUid = new Map(
        rows.map((row) => {
          const record = toEntityRecord(row.entity);
          return [record.uid, record] as const;
        }),
      );
      return uids.map((uid) => byUid.get(uid) ?? null);
    }),
    relationshipById: new DataLoader(
      async (refs) => {
        const found = new Map<string, RelationshipRecord>();
        for (const type of RELATIONSHIP_TYPES) {
          const ids = refs.filter((ref) => ref.type === type).map((ref) => ref.id);
          if (ids.length === 0) continue;
          for (const row of await cypher.readTemplate('relationships/by-ids', { type }, { ids })) {
            const end = toEntityRecord(row.other);
            found.set(`${type}:${String(row.id)}`, {
              id: String(row.id),
              type,
              direction: 'OUTGOING',
              props: (row.relProps ?? {}) as Record<string, unknown>,
              node: end,
              startUid: String(row.startUid),
              endUid: end.uid,
            });
          }
        }
        return refs.map((ref) => found.get(`${ref.type}:${ref.id}`) ?? null);
      },
      { cacheKeyFn: (ref) => `${ref.type}:${ref.id}` },
    ),
    relationships: createRelationshipLoaders(cypher),
    changeBySequence: new DataLoader((sequences) => changesBySequence(cypher, sequences)),
    listCompleteness: createListCompletenessLoader(cypher),
  };
}
