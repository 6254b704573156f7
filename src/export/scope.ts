import type { CypherRunner } from '../db/cypherRunner';
import { AppError, BadInputError, ErrorCode, LimitExceededError } from '../errors';
import { boundedInt } from '../data/arguments';
import { fromGlobalId } from '../data/globalId';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../graph/vocabulary';
import { LIMITS } from '../limits';

/**
 * What an export covers: the whole graph, or the subgraph around some entities — every entity within `depth`
 * relationships of one of them (either direction, allow-listed types only), as the neighbourhood query walks,
 * and the relationships among those entities. A subgraph is resolved to its uids before the first byte is
 * written, so a bad id or an oversized subgraph is a clean coded error rather than a broken download.
 */
export type ExportScope = { kind: 'graph' } | { kind: 'subgraph'; uids: readonly string[] };

export interface SubgraphRequest {
  uids: string[];
  depth: number;
}

/** Parses `ids` (global or readable `Label:key` IDs) and `depth` as a route or the CLI gets them; no ids: the whole graph. */
export function subgraphRequest(ids: readonly string[], depth: number | undefined): SubgraphRequest | null {
  if (ids.length === 0) {
    if (depth !== undefined) throw new BadInputError('depth', 'needs `ids`: the depth is counted from those entities.');
    return null;
  }
  if (ids.length > LIMITS.export.ids) throw new LimitExceededError('ids', LIMITS.export.ids, `Argument "ids" names ${ids.length} entities, above its maximum of ${LIMITS.export.ids}.`);
  const uids = [...new Set(ids.map((id) => fromGlobalId(id, 'ids').uid))];
  return { uids, depth: boundedInt('depth', depth, LIMITS.export.depth) };
}

export async function resolveScope(cypher: CypherRunner, request: SubgraphRequest | null): Promise<ExportScope> {
  if (!request) return { kind: 'graph' };
  return { kind: 'subgraph', uids: await subgraphUids(cypher, request) };
}

/** Breadth-first from the requested entities with the neighbourhood query's step (cypher/traversal/expand-frontier). */
async function subgraphUids(cypher: CypherRunner, request: SubgraphRequest): Promise<string[]> {
  const { subgraphNodes, stepScan, statementMs } = LIMITS.export;
  const found = await cypher.read('entities/by-uids', { uids: request.uids }, statementMs);
  const foundUids = new Set(found.map((row) => String((row.entity as { props: { uid: unknown } }).props.uid)));
  const missing = request.uids.find((uid) => !foundUids.has(uid));
  if (missing) throw new AppError(ErrorCode.NotFound, `Argument "ids": no entity has the ID ${missing}.`, { argumentName: 'ids' });
  if (request.uids.length > subgraphNodes) throw tooLarge();

  const taken = new Set(request.uids);
  let frontier = [...request.uids];
  for (let distance = 1; distance <= request.depth && frontier.length > 0; distance += 1) {
    const room = subgraphNodes - taken.size;
    // An export takes the whole graph, not the graph as of a day: the `held` slot stays empty.
    const rows = await cypher.readTemplate(
      'traversal/expand-frontier',
      { held: '' },
      { frontier, seen: [...taken], types: RELATIONSHIP_TYPES, labels: NODE_LABELS, scanLimit: stepScan, take: room + 1, allProperties: true },
      statementMs,
    );
    // Past either cap the subgraph is not known whole: refuse rather than export part of it as if it were all.
    if (rows.length > room || rows.some((row) => Number(row.scanned) >= stepScan)) throw tooLarge();
    frontier = rows.map((row) => String((row.entity as { props: { uid: unknown } }).props.uid));
    for (const uid of frontier) taken.add(uid);
  }
  return [...taken].sort();
}

function tooLarge(): LimitExceededError {
  return new LimitExceededError(
    'depth',
    LIMITS.export.subgraphNodes,
    `The subgraph around these ids holds more than ${LIMITS.export.subgraphNodes} entities (or a step scans more than ${LIMITS.export.stepScan} relationships). Lower \`depth\`, name fewer ids, or export the whole graph.`,
  );
}
