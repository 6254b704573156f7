import { CONNECTION_QUERY, ENTITY_DETAILS_QUERY, NEIGHBOURHOOD_QUERY, RELATIONSHIP_DETAILS_QUERY, SEARCH_QUERY } from './operations';
import type { Connection, EntityDetails, EntityKind, GraphNode, RelationshipDetails, SearchAnswer, SearchHit, Subgraph } from './types';

const ENDPOINT = '/graphql';

/** The most entities one neighbourhood request asks for. */
export const NEIGHBOURHOOD_LIMIT = 100;
export const SEARCH_FIRST = 15;

let pending = 0;

/** `<html data-busy="N">`: how many requests are in flight, for tests and the busy cursor. */
function setBusy(delta: number): void {
  pending += delta;
  document.documentElement.dataset.busy = String(pending);
}

interface GraphqlAnswer<T> {
  data: T;
  /** The first error of a partial answer, if any. */
  warning: string | null;
}

/** POSTs one operation to /graphql. Throws a readable Error when the answer carries no data. */
export async function gql<T>(query: string, variables: Record<string, unknown>): Promise<GraphqlAnswer<T>> {
  setBusy(1);
  try {
    let response: Response;
    try {
      response = await fetch(ENDPOINT, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new Error(`The server cannot be reached (${(error as Error).message}).`);
    }
    let body: { data?: T | null; errors?: Array<{ message: string }> };
    try {
      body = await response.json();
    } catch {
      throw new Error(`The server answered HTTP ${response.status} without a GraphQL result.`);
    }
    const errors = Array.isArray(body.errors) ? body.errors : [];
    if (!body.data) throw new Error(errors.map((error) => error.message).join('; ') || `HTTP ${response.status}`);
    return { data: body.data, warning: errors[0]?.message ?? null };
  } finally {
    setBusy(-1);
  }
}

/** The dated and located facts the operations select on an entity (each only on its own kind). */
interface RawFacts {
  year?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  foundedYear?: number | null;
  key?: string | null;
}

interface RawSubgraph {
  center: GraphNode;
  nodes: Array<Pick<GraphNode, 'id' | 'kind' | 'label'> & { entity: RawFacts | null }>;
  edges: Subgraph['edges'];
  truncated: boolean;
}

/** A node with the facts the timeline and the map read; `key` is only selected on countries. */
export function graphNode(base: Pick<GraphNode, 'id' | 'kind' | 'label'>, facts: RawFacts | null | undefined): GraphNode {
  return {
    id: base.id,
    kind: base.kind,
    label: base.label,
    year: facts?.year ?? null,
    startDate: facts?.startDate ?? null,
    endDate: facts?.endDate ?? null,
    foundedYear: facts?.foundedYear ?? null,
    countryCode: base.kind === 'COUNTRY' ? (facts?.key ?? null) : null,
  };
}

export function neighbourhoodVariables(id: string, depth: number): Record<string, unknown> {
  return { id, depth, limit: NEIGHBOURHOOD_LIMIT };
}

export async function fetchNeighbourhood(id: string, depth: number): Promise<Subgraph> {
  const { data, warning } = await gql<{ neighbourhood: RawSubgraph | null }>(NEIGHBOURHOOD_QUERY, neighbourhoodVariables(id, depth));
  const raw = data.neighbourhood;
  if (!raw) throw new Error(warning ?? `No entity has the ID ${id}.`);
  const nodes = raw.nodes.map(({ entity, ...node }) => graphNode(node, entity));
  const center = nodes.find((node) => node.id === raw.center.id) ?? raw.center;
  return { center, nodes, edges: raw.edges, truncated: raw.truncated };
}

export async function searchEntities(query: string, kind: EntityKind | null): Promise<SearchAnswer> {
  const { data } = await gql<{ search: { totalCount: number; kinds: SearchAnswer['kinds']; edges: Array<{ match: SearchHit['match']; node: SearchHit }> } }>(
    SEARCH_QUERY,
    { query, kinds: kind ? [kind] : null, first: SEARCH_FIRST },
  );
  const { totalCount, kinds, edges } = data.search;
  return { totalCount, kinds, hits: edges.map((edge) => ({ ...edge.node, match: edge.match })) };
}

export async function fetchEntity(id: string): Promise<EntityDetails | null> {
  const { data } = await gql<{ node: EntityDetails | null }>(ENTITY_DETAILS_QUERY, { id });
  return data.node;
}

export async function fetchRelationship(id: string): Promise<RelationshipDetails | null> {
  const { data } = await gql<{ relationship: RelationshipDetails | null }>(RELATIONSHIP_DETAILS_QUERY, { id });
  return data.relationship;
}

export async function fetchConnection(from: string, to: string): Promise<Connection> {
  type RawStep = Connection['rankedPaths'][number]['path']['steps'][number] & { node: GraphNode & RawFacts };
  const { data } = await gql<{ connection: Connection }>(CONNECTION_QUERY, { from, to });
  const { connection } = data;
  for (const ranked of connection.rankedPaths) {
    for (const step of ranked.path.steps as RawStep[]) step.node = graphNode(step.node, step.node);
  }
  return connection;
}
