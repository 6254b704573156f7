import type { EntityRecord } from '../records';
import { pathParams, type PathRequest } from './paths';
import { byLengthThenText, emptyPath, pathFromRow, shortName, type PathResult } from './shape';
import { endpoints, step, type WalkContext } from './walk';

/** The `connection` query's answer (GraphQL type ConnectionSummary): the paths between two entities and a sentence. */
export interface ConnectionSummaryResult {
  from: EntityRecord;
  to: EntityRecord;
  paths: PathResult[];
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
    return { from, to, paths: [emptyPath(from)], summary: `${shortName(from)} and ${shortName(to)} are the same entity.` };
  }
  // One path more than the limit tells whether more exist.
  const rows = await step(walk, 'traversal/all-shortest-paths', { ...pathParams(request), limit: request.limit + 1 });
  const more = rows.length > request.limit;
  const paths = rows.slice(0, request.limit).map(pathFromRow).sort(byLengthThenText);
  return { from, to, paths, summary: summarySentence(from, to, paths, more, request.maxLength) };
}

/** `CGS and IUGS are connected by 1 shortest path of 2 relationships: …`, or that none was found within `maxLength`. */
export function summarySentence(from: EntityRecord, to: EntityRecord, paths: PathResult[], more: boolean, maxLength: number): string {
  const a = shortName(from);
  const b = shortName(to);
  if (paths.length === 0) return `No connection between ${a} and ${b} within ${plural(maxLength, 'relationship')}.`;
  const count = more ? `more than ${plural(paths.length, 'shortest path')} (the first ${paths.length} are listed)` : plural(paths.length, 'shortest path');
  const example = paths.length === 1 ? '' : ', e.g.';
  return `${a} and ${b} are connected by ${count} of ${plural(paths[0].length, 'relationship')}${example}: ${paths[0].text}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
