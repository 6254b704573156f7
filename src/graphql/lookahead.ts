import {
  getNamedType,
  isObjectType,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import type { PrefetchField, PrefetchPlan, PropertyNeeds, ReadAhead } from '../data/prefetch';
import type { StoredPropertiesExtension } from './resolvers/fields';
import { pageRequestOf, type RelationshipPageRequest } from '../data/relationshipPages';
import { RELATIONSHIP_CONNECTIONS, RELATIONSHIP_SINGULARS } from '../graph/relationshipFields';
import { LIMITS } from '../limits';

/**
 * Reads a root field's selection to plan the read-ahead (src/data/prefetch.ts): which relationship
 * connections and singular relationship fields the query selects below an entity, with their arguments. Only
 * what can be answered exactly as the resolvers would is planned: a field with a cursor, a @skip/@include,
 * arguments the checks would refuse, or a generic `Entity` end is left to the resolvers and their loaders.
 */
const CONNECTIONS = new Map(RELATIONSHIP_CONNECTIONS.map((field) => [`${field.owner}.${field.field}`, field]));
const SINGULARS = new Map(RELATIONSHIP_SINGULARS.map((field) => [`${field.owner}.${field.field}`, field]));

/**
 * Under which name a field's edge needs are kept (PropertyNeeds). A singular field (`headquartersCountry`)
 * shares its loader key with the connection over the same relationships (`headquarters(first: 1)`), whichever
 * of the two reads the page first, so it keeps its needs under that connection's edge type.
 */
function edgeNeedsName(spec: (typeof RELATIONSHIP_CONNECTIONS)[number] | (typeof RELATIONSHIP_SINGULARS)[number]): string {
  if ('edge' in spec) return spec.edge;
  const twin = RELATIONSHIP_CONNECTIONS.find((field) => field.owner === spec.owner && field.type === spec.type && field.direction === spec.direction && field.other === spec.other);
  return twin?.edge ?? `${spec.owner}.${spec.field}`;
}

/** The fields selected on `type` by these selection sets, through inline fragments and fragment spreads. */
function selectedFields(info: GraphQLResolveInfo, type: GraphQLObjectType, sets: readonly (SelectionSetNode | undefined)[], withDirectives = false): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.directives?.length && !withDirectives) continue;
      if (selection.kind === 'Field') fields.push(selection);
      else if (selection.kind === 'InlineFragment') {
        if (!selection.typeCondition || appliesTo(info, selection.typeCondition.name.value, type)) visit(selection.selectionSet);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && appliesTo(info, fragment.typeCondition.name.value, type)) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return fields;
}

function appliesTo(info: GraphQLResolveInfo, condition: string, type: GraphQLObjectType): boolean {
  return condition === type.name || type.getInterfaces().some((iface) => iface.name === condition);
}

/** The selection sets below `edges { node }` and `nodes` of a connection field. */
function nodeSelections(info: GraphQLResolveInfo, connection: GraphQLObjectType, field: FieldNode): SelectionSetNode[] {
  const sets: SelectionSetNode[] = [];
  for (const sub of selectedFields(info, connection, [field.selectionSet])) {
    if (sub.name.value === 'nodes' && sub.selectionSet) sets.push(sub.selectionSet);
    if (sub.name.value === 'edges') {
      const edgeType = getNamedType(connection.getFields().edges.type);
      if (!isObjectType(edgeType)) continue;
      for (const edgeField of selectedFields(info, edgeType, [sub.selectionSet])) {
        if (edgeField.name.value === 'node' && edgeField.selectionSet) sets.push(edgeField.selectionSet);
      }
    }
  }
  return sets;
}

/** The read-ahead plan for an entity of `typeName` selected by `sets`; `next` numbers the fields k1, k2 … */
function planFor(info: GraphQLResolveInfo, typeName: string, sets: readonly (SelectionSetNode | undefined)[], next: () => string, depth: number): PrefetchPlan {
  const type = info.schema.getType(typeName);
  if (!isObjectType(type) || depth > MAX_READ_AHEAD_DEPTH) return { fields: [] };
  const fields: PrefetchField[] = [];
  for (const node of selectedFields(info, type, sets)) {
    const key = `${typeName}.${node.name.value}`;
    const connection = CONNECTIONS.get(key);
    const singular = SINGULARS.get(key);
    const spec = connection ?? singular;
    if (!spec) continue;
    const definition = type.getFields()[node.name.value];
    const args = getArgumentValues(definition, node, info.variableValues) as Record<string, unknown>;
    if (args.after || args.before) continue;
    const request: RelationshipPageRequest = {
      first: connection ? (args.first as number | null | undefined) : 1,
      last: connection ? (args.last as number | null | undefined) : undefined,
      orderBy: connection ? (args.orderBy as RelationshipPageRequest['orderBy']) : undefined,
      field: spec.field,
      selection: { types: [spec.type], direction: spec.direction, other: spec.other },
      bounds: LIMITS.relationshipPage,
    };
    try {
      pageRequestOf('', request);
    } catch {
      continue; // The resolver will refuse these arguments with the proper error.
    }
    const connectionType = getNamedType(definition.type);
    const childSets = connection && isObjectType(connectionType) ? nodeSelections(info, connectionType, node) : [node.selectionSet];
    const count = Boolean(connection && isObjectType(connectionType) && selectedFields(info, connectionType, [node.selectionSet]).some((sub) => sub.name.value === 'totalCount'));
    const name = next();
    fields.push({ name, qualifiers: connection?.qualifiers ?? [], edge: edgeNeedsName(spec), request, count, child: spec.other ? planFor(info, spec.other, childSets, next, depth + 1) : { fields: [] } });
  }
  return { fields };
}

/** How deep read-ahead goes; deeper levels are left to the batched loaders (one statement per level). */
const MAX_READ_AHEAD_DEPTH = 4;

/**
 * The stored properties the resolvers below a root field read, per entity type, from the marks of
 * resolvers/fields.ts: read-ahead projects only these. Every selection counts, also those under @skip or
 * @include and those left to the loaders, since the loaders' caches may serve them from the read-ahead; one
 * unmarked field makes the type read everything. Relationship fields add nothing of their own.
 */
function propertiesFor(info: GraphQLResolveInfo, typeName: string, sets: readonly (SelectionSetNode | undefined)[], needs: PropertyNeeds, depth = 0): void {
  const type = info.schema.getType(typeName);
  if (!isObjectType(type) || depth > MAX_READ_AHEAD_DEPTH + 1) return;
  if (!needs.has(typeName)) needs.set(typeName, new Set<string>());
  for (const node of selectedFields(info, type, sets, true)) {
    const name = node.name.value;
    if (name === '__typename') continue;
    const spec = CONNECTIONS.get(`${typeName}.${name}`) ?? SINGULARS.get(`${typeName}.${name}`);
    if (spec) {
      const fieldType = getNamedType(type.getFields()[name].type);
      const isConnection = CONNECTIONS.has(`${typeName}.${name}`) && isObjectType(fieldType);
      const childSets = isConnection ? nodeSelectionsWithDirectives(info, fieldType, node) : [node.selectionSet];
      if (isConnection) addEdgeNeeds(info, fieldType, node, edgeNeedsName(spec), needs);
      else if (!needs.has(edgeNeedsName(spec))) needs.set(edgeNeedsName(spec), new Set()); // a singular field reads only the node
      if (spec.other) propertiesFor(info, spec.other, childSets, needs, depth + 1);
      continue;
    }
    // Once a type reads everything its own fields add nothing, but its relationship fields above still count:
    // a page they read ahead is primed for every selection of it.
    const own = needs.get(typeName);
    if (own === 'all' || own === undefined) continue;
    const definition = type.getFields()[name];
    const marked = (definition?.extensions as StoredPropertiesExtension | undefined)?.storedProperties;
    if (marked === undefined) {
      needs.set(typeName, 'all');
      continue;
    }
    const properties = typeof marked === 'function' ? marked(getArgumentValues(definition, node, info.variableValues) as Record<string, unknown>) : marked;
    for (const property of properties) own.add(property);
  }
}

/**
 * What the edges of a connection field read, added to the needs of its edge type (every selection of that
 * type counts, as for entities): the edge fields selected anywhere (directives included), each named after
 * the stored property it shows (qualifiers, `validFrom` …, `provenance`), and `cursor` when the connection's
 * `pageInfo` is selected, whose cursors are the edges'.
 */
function addEdgeNeeds(info: GraphQLResolveInfo, connection: GraphQLObjectType, field: FieldNode, edgeName: string, needs: PropertyNeeds): void {
  const own = needs.get(edgeName) ?? new Set<string>();
  needs.set(edgeName, own);
  if (own === 'all') return;
  const edgeType = getNamedType(connection.getFields().edges?.type);
  for (const sub of selectedFields(info, connection, [field.selectionSet], true)) {
    if (sub.name.value === 'pageInfo') own.add('cursor');
    if (sub.name.value !== 'edges' || !isObjectType(edgeType)) continue;
    for (const edgeField of selectedFields(info, edgeType, [sub.selectionSet], true)) own.add(edgeField.name.value);
  }
}

function nodeSelectionsWithDirectives(info: GraphQLResolveInfo, connection: GraphQLObjectType, field: FieldNode): SelectionSetNode[] {
  const sets: SelectionSetNode[] = [];
  for (const sub of selectedFields(info, connection, [field.selectionSet], true)) {
    if (sub.name.value === 'nodes' && sub.selectionSet) sets.push(sub.selectionSet);
    if (sub.name.value === 'edges') {
      const edgeType = getNamedType(connection.getFields().edges.type);
      if (!isObjectType(edgeType)) continue;
      for (const edgeField of selectedFields(info, edgeType, [sub.selectionSet], true)) {
        if (edgeField.name.value === 'node' && edgeField.selectionSet) sets.push(edgeField.selectionSet);
      }
    }
  }
  return sets;
}

/**
 * `always`: project only the needed properties even when no page is read ahead (root lists: their records go
 * nowhere else). A single entity without read-ahead goes through the shared loader, which reads them all.
 */
function readAhead(info: GraphQLResolveInfo, typeName: string, sets: readonly (SelectionSetNode | undefined)[], always = false): ReadAhead {
  let counter = 0;
  const plan = planFor(info, typeName, sets, () => `k${(counter += 1)}`, 1);
  const needs: PropertyNeeds = new Map();
  if (always || plan.fields.length > 0) propertiesFor(info, typeName, sets, needs);
  return { plan, properties: needs };
}

/** The plan below a root field that returns one entity of `typeName`. */
export function entityReadAhead(info: GraphQLResolveInfo, typeName: string): ReadAhead {
  return readAhead(info, typeName, info.fieldNodes.map((node) => node.selectionSet));
}

/** The plan below the nodes of a root list (its `edges { node }` and `nodes`). */
export function listReadAhead(info: GraphQLResolveInfo, typeName: string): ReadAhead {
  const connection = getNamedType(info.returnType);
  if (!isObjectType(connection)) return { plan: { fields: [] }, properties: new Map() };
  return readAhead(info, typeName, info.fieldNodes.flatMap((node) => nodeSelectionsWithDirectives(info, connection, node)), true);
}

/**
 * Whether the selection below the resolving field reaches `path` (e.g. `['groups', 'entity']`) through any
 * fragment, whatever its type condition or directives: a statement may leave out what this says is not
 * selected. Erring towards "selected" only costs time.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const reaches = (sets: readonly (SelectionSetNode | undefined)[], depth: number): boolean => {
    if (depth === path.length) return true;
    for (const set of sets) {
      for (const selection of set?.selections ?? []) {
        if (selection.kind === 'Field') {
          if (selection.name.value === path[depth] && reaches([selection.selectionSet], depth + 1)) return true;
        } else if (selection.kind === 'InlineFragment') {
          if (reaches([selection.selectionSet], depth)) return true;
        } else {
          const fragment = info.fragments[selection.name.value];
          if (fragment && reaches([fragment.selectionSet], depth)) return true;
        }
      }
    }
    return false;
  };
  return reaches(info.fieldNodes.map((node) => node.selectionSet), 0);
}
