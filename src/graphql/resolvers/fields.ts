import type { EntityRecord } from '../../data/records';

/** A resolver reading one stored property, null when absent (the record's props are never spread into objects). */
export function prop(name: string) {
  return (entity: EntityRecord) => (entity.props[name] ?? null) as never;
}

/** A resolver reading a stored list property, empty when absent. */
export function listProp(name: string) {
  return (entity: EntityRecord) => (Array.isArray(entity.props[name]) ? entity.props[name] : []) as never;
}
