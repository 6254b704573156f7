import DataLoader from 'dataloader';
import type { CypherReader } from '../db/cypherRunner';
import type { RelationshipType } from '../graph/vocabulary';
import { storedProvenance, type StoredProvenance } from './entityView';
import { toEntityRecord, type EntityRecord } from './records';

/**
 * How complete a relationship list of an entity is. The source's "such as" and "and so on" are statements about a
 * list, not about any of its items, so they are `Claim`s (with their own provenance) ABOUT the entity whose list it
 * is, naming the list by relationship type and direction: CGS's incoming HELD_BY_STAFF_OF (the positions its staff
 * hold) and its outgoing ORGANIZED (the events it organized) are PARTIAL. No claim: UNKNOWN, nothing invented.
 */
export type Completeness = 'COMPLETE' | 'PARTIAL' | 'UNKNOWN';

export interface ListKey {
  parentUid: string;
  type: RelationshipType;
  direction: 'OUTGOING' | 'INCOMING';
}

export interface ListCompletenessResult {
  status: Completeness;
  words: string[];
  claims: EntityRecord[];
  provenance: StoredProvenance[];
}

const keyOf = (key: ListKey) => `${key.parentUid}|${key.type}|${key.direction}`;

export function createListCompletenessLoader(cypher: CypherReader): DataLoader<ListKey, ListCompletenessResult, string> {
  return new DataLoader(
    async (keys) => {
      const claims = new Map<string, EntityRecord[]>();
      const lists = new Map<string, ListKey[]>();
      for (const key of keys) lists.set(`${key.type}|${key.direction}`, [...(lists.get(`${key.type}|${key.direction}`) ?? []), key]);
      await Promise.all(
        [...lists.values()].map(async (group) => {
          const { type, direction } = group[0];
          const rows = await cypher.read('claims/list-completeness', { parents: group.map((key) => key.parentUid), type, direction });
          for (const row of rows) {
            const key = keyOf({ parentUid: String(row.parentUid), type, direction });
            claims.set(key, [...(claims.get(key) ?? []), toEntityRecord(row.claim)]);
          }
        }),
      );
      return keys.map((key) => completenessOf(claims.get(keyOf(key)) ?? []));
    },
    { cacheKeyFn: keyOf },
  );
}

/** One claim saying the list is open makes it PARTIAL; it is COMPLETE only when every claim says so. */
export function completenessOf(claims: readonly EntityRecord[]): ListCompletenessResult {
  const statuses = claims.map((claim) => claim.props.completeness as Completeness);
  const status: Completeness = statuses.includes('PARTIAL') ? 'PARTIAL' : statuses.length > 0 && statuses.every((value) => value === 'COMPLETE') ? 'COMPLETE' : 'UNKNOWN';
  const words = [...new Set(claims.flatMap((claim) => (Array.isArray(claim.props.completenessWords) ? (claim.props.completenessWords as string[]) : [])))];
  return { status, words, claims: [...claims], provenance: claims.flatMap((claim) => storedProvenance(claim.props)) };
}
