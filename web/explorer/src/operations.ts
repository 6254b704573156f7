/**
 * Every GraphQL operation the explorer sends, in one place so that a unit test can validate them all against the
 * schema (tests/unit/explorerOperations.test.ts) and "Open in GraphiQL" can show exactly what the explorer ran.
 */

export const NEIGHBOURHOOD_QUERY = `query Neighbourhood($id: ID!, $depth: Int, $limit: Int) {
  neighbourhood(id: $id, depth: $depth, limit: $limit) {
    center { id kind label }
    nodes {
      id
      kind
      label
      entity {
        ... on Event { year startDate endDate }
        ... on Organization { foundedYear }
        ... on Country { key }
      }
    }
    edges { id type source target qualifiers { name value } }
    truncated
  }
}`;

export const SEARCH_QUERY = `query Search($query: String!, $kinds: [EntityKind!], $first: Int) {
  search(query: $query, kinds: $kinds, first: $first) {
    totalCount
    kinds { kind count }
    edges { score match node { id kind label } }
  }
}`;

const PROVENANCE_FIELDS = 'provenance { source { title url } quote confidence note rawLabel }';

export const ENTITY_DETAILS_QUERY = `query EntityDetails($id: ID!) {
  node(id: $id) {
    id
    ... on Entity {
      kind
      label
      properties { name value }
      ${PROVENANCE_FIELDS}
    }
  }
}`;

export const RELATIONSHIP_DETAILS_QUERY = `query RelationshipDetails($id: ID!) {
  relationship(id: $id) {
    id
    type
    start { id kind label }
    end { id kind label }
    qualifiers { name value }
    ${PROVENANCE_FIELDS}
  }
}`;

export const CONNECTION_QUERY = `query Connection($from: ID!, $to: ID!) {
  connection(from: $from, to: $to) {
    summary
    rankedPaths {
      strength
      reason
      path {
        length
        text
        steps {
          node { id kind label ... on Event { year startDate endDate } ... on Organization { foundedYear } ... on Country { key } }
          relationship { id type direction qualifiers { name value } }
        }
      }
    }
  }
}`;

/** Every operation by its name, for the schema test and for GraphiQL links. */
export const EXPLORER_OPERATIONS: Readonly<Record<string, string>> = {
  Neighbourhood: NEIGHBOURHOOD_QUERY,
  Search: SEARCH_QUERY,
  EntityDetails: ENTITY_DETAILS_QUERY,
  RelationshipDetails: RELATIONSHIP_DETAILS_QUERY,
  Connection: CONNECTION_QUERY,
};
