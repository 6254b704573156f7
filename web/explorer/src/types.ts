/** The shapes the explorer reads from the API (see operations.ts). */

export type EntityKind =
  | 'SOURCE'
  | 'COUNTRY'
  | 'REGION'
  | 'ORGANIZATION'
  | 'AGREEMENT'
  | 'PROJECT'
  | 'THEME'
  | 'PERSON'
  | 'POSITION'
  | 'EVENT'
  | 'TRAINING_PROGRAM'
  | 'CLAIM';

export interface NamedValue {
  name: string;
  value: string;
}

export interface GraphNode {
  id: string;
  kind: EntityKind;
  label: string;
  /** Events only: the year it took place. */
  year?: number | null;
  /** Events only: the first and last day (ISO dates), where known. */
  startDate?: string | null;
  endDate?: string | null;
  /** Organizations only: the founding year, where documented. */
  foundedYear?: number | null;
  /** Countries only: the ISO 3166-1 alpha-2 code. */
  countryCode?: string | null;
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  qualifiers: NamedValue[];
}

export interface Subgraph {
  center: GraphNode;
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface SearchHit {
  id: string;
  kind: EntityKind;
  label: string;
  /** Set by the search: FUZZY marks a suggestion for a misspelt query. */
  match?: 'EXACT' | 'WORDS' | 'FUZZY';
}

export interface SearchAnswer {
  totalCount: number;
  kinds: Array<{ kind: EntityKind; count: number }>;
  hits: SearchHit[];
}

export interface Provenance {
  source: { title: string | null; url: string | null } | null;
  quote: string | null;
  confidence: string | null;
  note: string | null;
  rawLabel: string | null;
}

export interface EntityDetails {
  id: string;
  kind: EntityKind;
  label: string;
  properties: NamedValue[];
  provenance: Provenance[];
}

export interface RelationshipDetails {
  id: string;
  type: string;
  start: SearchHit;
  end: SearchHit;
  qualifiers: NamedValue[];
  provenance: Provenance[];
}

export interface PathStep {
  node: GraphNode;
  relationship: { id: string; type: string; direction: 'OUTGOING' | 'INCOMING'; qualifiers: NamedValue[] } | null;
}

export interface RankedPath {
  strength: 'ORGANIZATIONAL' | 'THEMATIC' | 'GEOGRAPHIC';
  reason: string;
  path: { length: number; text: string; steps: PathStep[] };
}

export interface Connection {
  summary: string;
  rankedPaths: RankedPath[];
}
