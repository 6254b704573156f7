import { Neo4jGraphQL } from '@neo4j/graphql';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';

/**
 * The peer the benchmark compares us with: @neo4j/graphql 7 over the very same graph. Its type definitions
 * are mapped by hand onto OUR storage (docs/model.md), so it reads what we read: every type is a node label of
 * ours (`@node` without arguments matches the label named like the type: Organization, Country, Project,
 * Theme; our nodes also carry `:Entity`, which the library need not check), the fields are our stored
 * property names (`key`, `name`, `acronym`, `kind`), and the relationship fields are our relationship types
 * in their stored direction, PARTICIPATES_IN with its `role` as relationship properties.
 *
 * Only what the benchmark asks is declared, and read-only: no mutations (`@mutation(operations: [])`), no
 * nested writes (`nestedOperations: []`), so the generated schema is no larger than it has to be. Version 7
 * has no 1:1 relationships: `headquartersCountry` is a list of (in our data) one country.
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  enum OrganizationKind {
    GEOLOGICAL_SURVEY
    INTERGOVERNMENTAL_ORGANIZATION
    NON_GOVERNMENTAL_ORGANIZATION
    REGIONAL_ORGANIZATION
    UNIVERSITY
    RESEARCH_INSTITUTE
    GOVERNMENT_BODY
    NETWORK
  }

  type Organization @node @mutation(operations: []) {
    key: String!
    name: String!
    acronym: String
    kind: OrganizationKind
    headquartersCountry: [Country!]! @relationship(type: "HEADQUARTERED_IN", direction: OUT, nestedOperations: [])
    projects: [Project!]!
      @relationship(type: "PARTICIPATES_IN", direction: OUT, properties: "Participation", nestedOperations: [])
  }

  "The qualifier of PARTICIPATES_IN (an IATI role)."
  type Participation @relationshipProperties {
    role: String
  }

  type Country @node @mutation(operations: []) {
    key: String!
    name: String!
    headquarteredOrganizations: [Organization!]! @relationship(type: "HEADQUARTERED_IN", direction: IN, nestedOperations: [])
  }

  type Project @node @mutation(operations: []) {
    key: String!
    name: String!
    themes: [Theme!]! @relationship(type: "HAS_THEME", direction: OUT, nestedOperations: [])
  }

  type Theme @node @mutation(operations: []) {
    key: String!
    name: String!
    projects: [Project!]! @relationship(type: "HAS_THEME", direction: IN, nestedOperations: [])
  }
`;

/** The library's executable schema over `driver`. */
export async function peerSchema(driver: Driver): Promise<GraphQLSchema> {
  return new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
}

/**
 * The library's spelling of each shared case, in v7 syntax: filters are operator objects
 * (`{ key: { eq: $key } }`, `{ kind: { eq: $kind } }`), lists take `sort` (a list of one-field objects, so
 * name then key), `limit` and `offset`; connections take `first`/`after` (its cursors encode offsets) and
 * relationship connections sort by `{ node: … }` and expose relationship properties as `properties`;
 * aggregates live on connections: `projectsConnection { aggregate { count { nodes } } }`.
 */
const BY_NAME = '[{ name: ASC }, { key: ASC }]';
const BY_NODE_NAME = '[{ node: { name: ASC } }, { node: { key: ASC } }]';

export const PEER_QUERIES = {
  lookup: `query($key: String!) {
    organizations(where: { key: { eq: $key } }) { key name acronym headquartersCountry { key name } }
  }`,
  filteredSortedList: `query($kind: OrganizationKind!) {
    organizations(where: { kind: { eq: $kind } }, sort: ${BY_NAME}, limit: 20) { key name }
  }`,
  nested: `query($code: String!) {
    countries(where: { key: { eq: $code } }) {
      key name
      headquarteredOrganizations(sort: ${BY_NAME}, limit: 10) {
        key name
        projectsConnection(sort: ${BY_NODE_NAME}, first: 5) {
          edges { properties { role } node { key name themes(sort: ${BY_NAME}, limit: 5) { key name } } }
        }
      }
    }
  }`,
  countsPerGroup: `{
    themes { key projectsConnection { aggregate { count { nodes } } } }
  }`,
  page: `query($first: Int!) {
    organizationsConnection(sort: ${BY_NAME}, first: $first) { edges { cursor node { key name } } }
  }`,
  /**
   * The deep page as a list with `offset`. Not the connection with `after`: its cursors are offsets, and for
   * a sorted connection the library collects every node into one list and sorts rows that each carry that
   * list, so past a few thousand rows Neo4j's transaction memory limit stops it (a page after position
   * 2,900 of 3,000 organizations already failed with dbms.memory.transaction.total.max at 1 GiB).
   */
  pageAt: `query($first: Int!, $offset: Int!) {
    organizations(sort: ${BY_NAME}, offset: $offset, limit: $first) { key name }
  }`,
} as const;
