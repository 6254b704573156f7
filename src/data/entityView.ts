import type { ProvenanceEntry } from '../seed/seedData';
import type { NodeLabel } from '../graph/vocabulary';
import { INTERNAL_PROPERTIES, type EntityRecord } from './records';

/** How an entity is shown generically: its kind enum value, display label, text properties, provenance. */
export function kindOf(label: NodeLabel): string {
  return label.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

export function labelFromKind(kind: string): NodeLabel {
  return kind
    .toLowerCase()
    .split('_')
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('') as NodeLabel;
}

export function displayLabel(entity: EntityRecord): string {
  const { name, title, acronym } = entity.props as Record<string, string | undefined>;
  if (entity.label === 'Organization' && acronym) return `${acronym} — ${name ?? acronym}`;
  return name ?? title ?? entity.key;
}

export interface PropertyPair {
  name: string;
  value: string;
}

export function propertyPairs(props: Record<string, unknown>): PropertyPair[] {
  return Object.keys(props)
    .filter((name) => !INTERNAL_PROPERTIES.has(name) && props[name] !== null)
    .sort()
    .map((name) => ({ name, value: Array.isArray(props[name]) ? (props[name] as unknown[]).join('; ') : String(props[name]) }));
}

/** Provenance as the seed stores it (JSON text on nodes and relationships). */
export type StoredProvenance = ProvenanceEntry;

export function storedProvenance(props: Record<string, unknown>): StoredProvenance[] {
  return typeof props.provenance === 'string' ? (JSON.parse(props.provenance) as StoredProvenance[]) : [];
}
