import type { EntityRecord } from '../../data/records';

/**
 * Which stored properties a field's resolver reads, kept in the schema as the field's extensions
 * (`extensions.storedProperties`; a field resolver given as `{ resolve, extensions }` sets both): read-ahead
 * (src/graphql/lookahead.ts) projects only those for the entities it reads. A field without the mark is
 * assumed to read everything, so a new field is correct before it is fast.
 */
export interface StoredPropertiesExtension {
  /** The properties, or a function of the field's arguments giving them (e.g. `name` reads more with `lang`). */
  storedProperties?: readonly string[] | StoredPropertiesOf;
}

export type StoredPropertiesOf = (args: Record<string, unknown>) => readonly string[];

export function reads<F extends (...args: never[]) => unknown>(properties: readonly string[] | StoredPropertiesOf, resolve: F): { resolve: F; extensions: StoredPropertiesExtension } {
  return { resolve, extensions: { storedProperties: properties } };
}

/** A resolver reading one stored property, null when absent (the record's props are never spread into objects). */
export function prop(name: string) {
  return reads([name], (entity: EntityRecord) => (entity.props[name] ?? null) as never);
}

/** A resolver reading a stored list property, empty when absent. */
export function listProp(name: string) {
  return reads([name], (entity: EntityRecord) => (Array.isArray(entity.props[name]) ? entity.props[name] : []) as never);
}
