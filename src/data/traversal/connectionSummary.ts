import { LIMITS } from '../../limits';
import type { EntityRecord } from '../records';
import { pathParams, type PathRequest } from './paths';
import { byStrength, rankPath, type RankedPathResult } from './pathStrength';
import { emptyPath, pathFromRow, shortName, type PathResult } from './shape';
import { endpoints, walkStep, type WalkContext } from './walk';

/** The `connection` query's answer (GraphQL type ConnectionSummary): the paths between two entities and a sentence. */
export interface ConnectionSummaryResult {
  from: EntityRecord;
  to: EntityRecord;
  paths: PathResult[];
  rankedPaths: RankedPathResult[];
  summary: string;
}

/**
 * "How are X and Y connected": all shortest paths (at most `limit`) and a summary sentence. Longer paths are
 * deliberately not searched: Neo4j 5.26's SHORTEST k search for them took seconds around hubs of many
 * thousand relationships and did not stop at the transaction timeout, while allShortestPaths stays fast.
 */
export async function connection(walk: WalkContext, request: PathRequest): Promise<ConnectionSummaryResult> {
  const [from, to] = await endpoints(walk, request.fromUid, request.toUid);
  if (from.uid === to.uid) {
    const same = rankPath(emptyPath(from));
    return { from, to, paths: [same.path], rankedPaths: [same], summary: `${shortName(from)} and ${shortName(to)} are the same entity.` };
  }
  // The strongest paths are wanted, not the first the database finds: rank up to the cap (one more tells whether
  // more exist), then keep `limit`.
  const scan = Math.max(request.limit, LIMITS.traversal.connectionPaths.max) + 1;
  const rows = await walkStep(walk, 'traversal/all-shortest-paths', request.asOf, { ...pathParams(request), limit: scan });
  const ranked = rows.map(pathFromRow).map(rankPath).sort(byStrength);
  const more = ranked.length > request.limit;
  const rankedPaths = ranked.slice(0, request.limit);
  const paths = rankedPaths.map((item) => item.path);
  return { from, to, paths, rankedPaths, summary: summarySentence(from, to, rankedPaths, more, request.maxLength) };
}

/**
 * `CGS and IUGS are connected by 1 shortest path of 2 relationships: … (organization-level links only: …)`, the
 * strongest path first with why it ranks there, or that none was found within `maxLength`.
 */
export function summarySentence(from: EntityRecord, to: EntityRecord, ranked: RankedPathResult[], more: boolean, maxLength: number): string {
  const a = shortName(from);
  const b = shortName(to);
  if (ranked.length === 0) return `No connection between ${a} and ${b} within ${plural(maxLength, 'relationship')}.`;
  const [strongest] = ranked;
  const count = more ? `more than ${plural(ranked.length, 'shortest path')} (the ${ranked.length} strongest are listed)` : plural(ranked.length, 'shortest path');
  const lead = ranked.length === 1 ? '' : ', the strongest';
  return `${a} and ${b} are connected by ${count} of ${plural(strongest.path.length, 'relationship')}${lead}: ${strongest.path.text} (${strongest.reason})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
