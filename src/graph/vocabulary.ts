/**
 * The fixed allow-lists of node labels and relationship types. Cypher only ever receives a label or
 * relationship type that is a member of these lists, never a string taken from a request.
 */
export const NODE_LABELS = [
  'Source',
  'Country',
  'Region',
  'Organization',
  'Agreement',
  'Project',
  'Theme',
  'Person',
  'Position',
  'Event',
  'TrainingProgram',
  'Claim',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'PART_OF',
  'HEADQUARTERED_IN',
  'MEMBER_OF',
  'IN_REGION',
  'PART_OF_REGION',
  'HOLDS',
  'AFFILIATED_WITH',
  'POSITION_IN',
  'HELD_BY_STAFF_OF',
  'ORGANIZED',
  'IN_SERIES_OF',
  'HELD_IN',
  'PARTICIPATES_IN',
  'TARGETS',
  'HAS_THEME',
  'PARTY_TO',
  'PROVIDES',
  'TRAINEES_FROM',
  'ABOUT',
  'SCOPED_TO',
  'CONCERNS',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value);
}

export function isRelationshipType(value: string): value is RelationshipType {
  return (RELATIONSHIP_TYPES as readonly string[]).includes(value);
}

/**
 * `A|B` for a Cypher relationship-type or label expression, from the allow-lists only: a statement's types
 * and labels are never request text, and a value that is not listed is a programming error. Sorted, so the
 * same set is the same statement text (one plan in Neo4j's cache); an empty set has no expression (the
 * caller writes what matching nothing means there).
 */
export function typeExpression(types: readonly RelationshipType[]): string {
  for (const type of types) if (!isRelationshipType(type)) throw new Error(`Not a relationship type: ${type}`);
  return expression(types);
}

export function labelExpression(labels: readonly NodeLabel[]): string {
  for (const label of labels) if (!isNodeLabel(label)) throw new Error(`Not a node label: ${label}`);
  return expression(labels);
}

function expression(names: readonly string[]): string {
  if (names.length === 0) throw new Error('An empty set of types or labels has no expression.');
  return [...new Set(names)].sort().join('|');
}
