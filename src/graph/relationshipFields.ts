import type { NodeLabel, RelationshipType } from './vocabulary';

/**
 * The relationship fields of the GraphQL schema: which relationship type and direction each one walks and what
 * kind of entity it reaches. The generic resolvers of src/graphql/resolvers/relationshipFields.ts read this table;
 * a unit test checks it against the SDL (schema/*.graphql), so the two cannot drift apart.
 */
export interface RelationshipField {
  owner: NodeLabel;
  field: string;
  type: RelationshipType;
  direction: 'OUTGOING' | 'INCOMING';
  /** The label at the other end; null: any entity. */
  other: NodeLabel | null;
  /** The GraphQL edge type, whose fields beyond cursor/id/type/node/provenance are stored qualifiers. */
  edge: string;
  qualifiers: readonly string[];
}

export const RELATIONSHIP_CONNECTIONS: readonly RelationshipField[] = [
  { owner: 'Organization', field: 'parentOrganizations', type: 'PART_OF', direction: 'OUTGOING', other: 'Organization', edge: 'OrganizationTenureEdge', qualifiers: ['startDate', 'endDate'] },
  { owner: 'Organization', field: 'childOrganizations', type: 'PART_OF', direction: 'INCOMING', other: 'Organization', edge: 'OrganizationTenureEdge', qualifiers: ['startDate', 'endDate'] },
  { owner: 'Organization', field: 'headquarters', type: 'HEADQUARTERED_IN', direction: 'OUTGOING', other: 'Country', edge: 'CountryLocationEdge', qualifiers: ['city'] },
  { owner: 'Organization', field: 'memberCountries', type: 'MEMBER_OF', direction: 'INCOMING', other: 'Country', edge: 'CountryMembershipEdge', qualifiers: ['asOf'] },
  { owner: 'Organization', field: 'positions', type: 'POSITION_IN', direction: 'INCOMING', other: 'Position', edge: 'PositionLinkEdge', qualifiers: [] },
  { owner: 'Organization', field: 'positionsHeldByStaff', type: 'HELD_BY_STAFF_OF', direction: 'INCOMING', other: 'Position', edge: 'PositionStaffEdge', qualifiers: ['holderNamed'] },
  { owner: 'Organization', field: 'eventsOrganized', type: 'ORGANIZED', direction: 'OUTGOING', other: 'Event', edge: 'EventOrganizerEdge', qualifiers: ['role'] },
  { owner: 'Organization', field: 'eventSeries', type: 'IN_SERIES_OF', direction: 'INCOMING', other: 'Event', edge: 'EventLinkEdge', qualifiers: [] },
  { owner: 'Organization', field: 'projects', type: 'PARTICIPATES_IN', direction: 'OUTGOING', other: 'Project', edge: 'ProjectParticipationEdge', qualifiers: ['role'] },
  { owner: 'Organization', field: 'trainingPrograms', type: 'PROVIDES', direction: 'OUTGOING', other: 'TrainingProgram', edge: 'TrainingProgramLinkEdge', qualifiers: [] },
  { owner: 'Organization', field: 'themes', type: 'CONCERNS', direction: 'OUTGOING', other: 'Theme', edge: 'ThemeLinkEdge', qualifiers: [] },
  { owner: 'Event', field: 'themes', type: 'CONCERNS', direction: 'OUTGOING', other: 'Theme', edge: 'ThemeLinkEdge', qualifiers: [] },
  { owner: 'Theme', field: 'organizations', type: 'CONCERNS', direction: 'INCOMING', other: 'Organization', edge: 'OrganizationLinkEdge', qualifiers: [] },
  { owner: 'Theme', field: 'events', type: 'CONCERNS', direction: 'INCOMING', other: 'Event', edge: 'EventLinkEdge', qualifiers: [] },
  { owner: 'Organization', field: 'claims', type: 'ABOUT', direction: 'INCOMING', other: 'Claim', edge: 'ClaimLinkEdge', qualifiers: [] },
  { owner: 'Position', field: 'holders', type: 'HOLDS', direction: 'INCOMING', other: 'Person', edge: 'PersonTenureEdge', qualifiers: ['startDate', 'endDate'] },
  { owner: 'Person', field: 'positions', type: 'HOLDS', direction: 'OUTGOING', other: 'Position', edge: 'PositionTenureEdge', qualifiers: ['startDate', 'endDate'] },
  { owner: 'Country', field: 'regions', type: 'IN_REGION', direction: 'OUTGOING', other: 'Region', edge: 'RegionLinkEdge', qualifiers: [] },
  { owner: 'Country', field: 'memberships', type: 'MEMBER_OF', direction: 'OUTGOING', other: 'Organization', edge: 'OrganizationMembershipEdge', qualifiers: ['asOf'] },
  { owner: 'Country', field: 'headquarteredOrganizations', type: 'HEADQUARTERED_IN', direction: 'INCOMING', other: 'Organization', edge: 'OrganizationLocationEdge', qualifiers: ['city'] },
  { owner: 'Country', field: 'eventsHosted', type: 'HELD_IN', direction: 'INCOMING', other: 'Event', edge: 'EventLocationEdge', qualifiers: ['city'] },
  { owner: 'Region', field: 'children', type: 'PART_OF_REGION', direction: 'INCOMING', other: 'Region', edge: 'RegionLinkEdge', qualifiers: [] },
  { owner: 'Region', field: 'countries', type: 'IN_REGION', direction: 'INCOMING', other: 'Country', edge: 'CountryLinkEdge', qualifiers: [] },
  { owner: 'Region', field: 'targetedBy', type: 'TARGETS', direction: 'INCOMING', other: 'Project', edge: 'ProjectRegionMappingEdge', qualifiers: ['sourceLabel', 'mapping'] },
  { owner: 'Region', field: 'trainingPrograms', type: 'TRAINEES_FROM', direction: 'INCOMING', other: 'TrainingProgram', edge: 'TrainingProgramRegionMappingEdge', qualifiers: ['sourceLabel', 'mapping'] },
  { owner: 'Region', field: 'claims', type: 'SCOPED_TO', direction: 'INCOMING', other: 'Claim', edge: 'ClaimRegionMappingEdge', qualifiers: ['sourceLabel', 'mapping'] },
  { owner: 'Event', field: 'organizers', type: 'ORGANIZED', direction: 'INCOMING', other: 'Organization', edge: 'OrganizationOrganizerEdge', qualifiers: ['role'] },
  { owner: 'Event', field: 'venues', type: 'HELD_IN', direction: 'OUTGOING', other: 'Country', edge: 'CountryLocationEdge', qualifiers: ['city'] },
  { owner: 'Theme', field: 'projects', type: 'HAS_THEME', direction: 'INCOMING', other: 'Project', edge: 'ProjectLinkEdge', qualifiers: [] },
  { owner: 'Project', field: 'themes', type: 'HAS_THEME', direction: 'OUTGOING', other: 'Theme', edge: 'ThemeLinkEdge', qualifiers: [] },
  { owner: 'Project', field: 'participants', type: 'PARTICIPATES_IN', direction: 'INCOMING', other: 'Organization', edge: 'OrganizationParticipationEdge', qualifiers: ['role'] },
  { owner: 'Project', field: 'targetRegions', type: 'TARGETS', direction: 'OUTGOING', other: 'Region', edge: 'RegionRegionMappingEdge', qualifiers: ['sourceLabel', 'mapping'] },
  { owner: 'Agreement', field: 'parties', type: 'PARTY_TO', direction: 'INCOMING', other: 'Organization', edge: 'OrganizationLinkEdge', qualifiers: [] },
  { owner: 'TrainingProgram', field: 'providers', type: 'PROVIDES', direction: 'INCOMING', other: 'Organization', edge: 'OrganizationLinkEdge', qualifiers: [] },
  { owner: 'TrainingProgram', field: 'traineesFrom', type: 'TRAINEES_FROM', direction: 'OUTGOING', other: 'Region', edge: 'RegionRegionMappingEdge', qualifiers: ['sourceLabel', 'mapping'] },
  { owner: 'TrainingProgram', field: 'claims', type: 'ABOUT', direction: 'INCOMING', other: 'Claim', edge: 'ClaimLinkEdge', qualifiers: [] },
  { owner: 'Claim', field: 'subjects', type: 'ABOUT', direction: 'OUTGOING', other: null, edge: 'EntityLinkEdge', qualifiers: [] },
  { owner: 'Claim', field: 'scope', type: 'SCOPED_TO', direction: 'OUTGOING', other: 'Region', edge: 'RegionRegionMappingEdge', qualifiers: ['sourceLabel', 'mapping'] },
];

/** Fields naming the one entity at the other end (the first by name when the graph holds several). */
export const RELATIONSHIP_SINGULARS: readonly Omit<RelationshipField, 'edge' | 'qualifiers'>[] = [
  { owner: 'Organization', field: 'headquartersCountry', type: 'HEADQUARTERED_IN', direction: 'OUTGOING', other: 'Country' },
  { owner: 'Position', field: 'organization', type: 'POSITION_IN', direction: 'OUTGOING', other: 'Organization' },
  { owner: 'Position', field: 'heldByStaffOf', type: 'HELD_BY_STAFF_OF', direction: 'OUTGOING', other: 'Organization' },
  { owner: 'Region', field: 'parent', type: 'PART_OF_REGION', direction: 'OUTGOING', other: 'Region' },
  { owner: 'Event', field: 'seriesOrganization', type: 'IN_SERIES_OF', direction: 'OUTGOING', other: 'Organization' },
  { owner: 'Event', field: 'hostCountry', type: 'HELD_IN', direction: 'OUTGOING', other: 'Country' },
];
