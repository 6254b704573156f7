import type { RelationshipType } from '../../graph/vocabulary';
import type { EntityRecord } from '../records';
import { shortName, type PathResult } from './shape';

/**
 * How strongly a path ties two entities together, for ranking the answers of `connection`. Each relationship
 * falls in one of three tiers: organization-level links (an organization organized, takes part in, holds a
 * position in, is part of…) are the strongest, thematic links (a theme, a target region, a claim's scope) come
 * next, geographic co-location or co-membership (headquartered in, held in, a country's membership, regions)
 * is the weakest. A chain is as strong as its weakest link: the path's tier is its weakest step's.
 */
export type ConnectionStrength = 'ORGANIZATIONAL' | 'THEMATIC' | 'GEOGRAPHIC';

const TIER: Record<ConnectionStrength, number> = { ORGANIZATIONAL: 3, THEMATIC: 2, GEOGRAPHIC: 1 };

const STRENGTH_OF: Record<RelationshipType, ConnectionStrength> = {
  PART_OF: 'ORGANIZATIONAL',
  HOLDS: 'ORGANIZATIONAL',
  AFFILIATED_WITH: 'ORGANIZATIONAL',
  POSITION_IN: 'ORGANIZATIONAL',
  HELD_BY_STAFF_OF: 'ORGANIZATIONAL',
  ORGANIZED: 'ORGANIZATIONAL',
  IN_SERIES_OF: 'ORGANIZATIONAL',
  PARTICIPATES_IN: 'ORGANIZATIONAL',
  PARTY_TO: 'ORGANIZATIONAL',
  PROVIDES: 'ORGANIZATIONAL',
  MEMBER_OF: 'ORGANIZATIONAL',
  HAS_THEME: 'THEMATIC',
  CONCERNS: 'THEMATIC',
  TARGETS: 'THEMATIC',
  TRAINEES_FROM: 'THEMATIC',
  ABOUT: 'THEMATIC',
  SCOPED_TO: 'THEMATIC',
  HEADQUARTERED_IN: 'GEOGRAPHIC',
  HELD_IN: 'GEOGRAPHIC',
  IN_REGION: 'GEOGRAPHIC',
  PART_OF_REGION: 'GEOGRAPHIC',
};

const DESCRIPTION: Record<ConnectionStrength, string> = {
  ORGANIZATIONAL: 'organization-level',
  THEMATIC: 'thematic',
  GEOGRAPHIC: 'geographic',
};

/** A path with its strength (GraphQL type RankedPath). */
export interface RankedPathResult {
  path: PathResult;
  strength: ConnectionStrength;
  /** 10 × the weakest step's tier + the mean tier of all steps (tiers: organizational 3, thematic 2, geographic 1). */
  score: number;
  reason: string;
}

/** A country's membership of an organization is geographic co-membership, not an organization-level tie. */
function stepStrength(type: RelationshipType, ends: [EntityRecord, EntityRecord]): ConnectionStrength {
  if (type === 'MEMBER_OF' && ends.some((end) => end.label === 'Country')) return 'GEOGRAPHIC';
  return STRENGTH_OF[type];
}

export function rankPath(path: PathResult): RankedPathResult {
  const steps = path.steps.flatMap((step, index) => {
    const next = path.steps[index + 1];
    if (!step.relationship || !next) return [];
    const { type, direction } = step.relationship;
    return [{ type, direction, from: step.node, to: next.node, strength: stepStrength(type, [step.node, next.node]) }];
  });
  if (steps.length === 0) return { path, strength: 'ORGANIZATIONAL', score: 10 * TIER.ORGANIZATIONAL + TIER.ORGANIZATIONAL, reason: 'the same entity' };
  const weakest = steps.reduce((low, candidate) => (TIER[candidate.strength] < TIER[low.strength] ? candidate : low));
  const mean = steps.reduce((sum, candidate) => sum + TIER[candidate.strength], 0) / steps.length;
  const score = Math.round((10 * TIER[weakest.strength] + mean) * 100) / 100;
  const types = [...new Set(steps.map((candidate) => candidate.type))].join(', ');
  const arrow = weakest.direction === 'OUTGOING' ? `—${weakest.type}→` : `←${weakest.type}—`;
  const reason =
    weakest.strength === 'ORGANIZATIONAL'
      ? `organization-level links only (${types})`
      : `its weakest link is ${DESCRIPTION[weakest.strength]}: ${shortName(weakest.from)} ${arrow} ${shortName(weakest.to)}`;
  return { path, strength: weakest.strength, score, reason };
}

/** Strongest first; among equally strong paths, shortest first, then by text (a stable order). */
export function byStrength(a: RankedPathResult, b: RankedPathResult): number {
  return b.score - a.score || a.path.length - b.path.length || (a.path.text < b.path.text ? -1 : a.path.text > b.path.text ? 1 : 0);
}
