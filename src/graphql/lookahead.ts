import {
  getNamedType,
  isAbstractType,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import type { PrefetchField, PrefetchPlan, PropertyNeeds, ReadAhead } from '../data/prefetch';
import type { StoredPropertiesExtension } from './resolvers/fields';
import { pageRequestOf, readAheadKey, type RelationshipPageRequest } from '../data/relationshipPages';
import { RELATIONSHIP_CONNECTIONS, RELATIONSHIP_SINGULARS } from '../graph/relationshipFields';
import { LIMITS } from '../limits';
import { isNodeLabel } from '../graph/vocabulary';

/**
 * Reads a root field's selection to plan the read-ahead (src/data/prefetch.ts): which relationship
 * connections and singular relationship fields the query selects below an entity, with their arguments. Only
 * what can be answered exactly as the resolvers would is planned: a field with a cursor, a @skip/@include,
 * arguments the checks would refuse, or a generic `Entity` end is left to the resolvers and their loaders.
 */
const CONNECTIONS = new Map(RELATIONSHIP_CONNECTIONS.map((field) => [`${field.owner}.${field.field}`, field]));
const SINGULARS = new Map(RELATIONSHIP_SINGULARS.map((field) => [`${field.owner}.${field.field}`, field]));

/** Under which name a field's edge needs are kept (PropertyNeeds): its edge type, or the singular field itself. */
function edgeNeedsName(spec: (typeof RELATIONSHIP_CONNECTIONS)[number] | (typeof RELATIONSHIP_SINGULARS)[number]): string {
  return 'edge' in spec ? spec.edge : `${spec.owner}.${spec.field}`;
}

/** Edge types, and each relationship connection type with its edge type (`CountryLocationConnection` → …Edge). */
const EDGE_TYPES = new Set(RELATIONSHIP_CONNECTIONS.map((field) => field.edge));
const EDGE_OF_CONNECTION = new Map(RELATIONSHIP_CONNECTIONS.map((field) => [field.edge.replace(/Edge$/, 'Connection'), field.edge]));

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
    let pageKey: string;
    try {
      pageKey = readAheadKey(pageRequestOf('', request).key);
    } catch {
      continue; // The resolver will refuse these arguments with the proper error.
    }
    const connectionType = getNamedType(definition.type);
    const childSets = connection && isObjectType(connectionType) ? nodeSelections(info, connectionType, node) : [node.selectionSet];
    const count = Boolean(connection && isObjectType(connectionType) && selectedFields(info, connectionType, [node.selectionSet]).some((sub) => sub.name.value === 'totalCount'));
    // Whether there is more is read only for `pageInfo`, looked for in every selection of this field (any alias,
    // any fragment, under any directive: they may share this page); should it be asked of a page read without
    // it after all, relationshipPages.ts reads it then.
    const probe =
      Boolean(connection) &&
      selectedFields(info, type, sets, true).some((other) => other.name.value === node.name.value && reaches(info, [other.selectionSet], ['pageInfo']));
    const name = next();
    fields.push({ name, qualifiers: connection?.qualifiers ?? [], edge: edgeNeedsName(spec), request, pageKey, count, probe, child: spec.other ? planFor(info, spec.other, childSets, next, depth + 1) : { fields: [] } });
  }
  return { fields };
}

/** How deep read-ahead goes; deeper levels are left to the batched loaders (one statement per level). */
const MAX_READ_AHEAD_DEPTH = 4;

/**
 * The stored properties every selection of the operation reads, per entity type, from the marks of
 * resolvers/fields.ts, and per edge type the edge fields it selects (`cursor` too when a connection's
 * `pageInfo` is), so that read-ahead projects only these. The whole operation counts — every root field and
 * alias, every fragment, selections under @skip or @include, those left to the loaders and those reached
 * through fields outside the relationship table (`relationships { nodes { end } }`) — because a page read
 * ahead is primed into the request's loaders, which serve it to any later selection of the same page. One
 * unmarked field makes its type read everything. Computed once per request.
 */
function operationNeeds(info: GraphQLResolveInfo): PropertyNeeds {
  const known = NEEDS_OF_REQUEST.get(info.variableValues);
  if (known) return known;
  const needs: PropertyNeeds = new Map();
  const open = (name: string): Set<string> | 'all' => {
    const own = needs.get(name) ?? new Set<string>();
    needs.set(name, own);
    return own;
  };
  for (const root of [info.operation, ...Object.values(info.fragments)]) {
    const typeInfo = new TypeInfo(info.schema);
    visit(
      root,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          const name = node.name.value;
          if (!parent || name === '__typename') return;
          const edgeOfConnection = EDGE_OF_CONNECTION.get(parent.name);
          if (edgeOfConnection) {
            const own = open(edgeOfConnection);
            if (name === 'pageInfo' && own !== 'all') own.add('cursor');
            return;
          }
          if (EDGE_TYPES.has(parent.name)) {
            const own = open(parent.name);
            if (own !== 'all') own.add(name);
            return;
          }
          const types = isAbstractType(parent) ? info.schema.getPossibleTypes(parent) : isObjectType(parent) ? [parent] : [];
          for (const type of types) {
            if (!isNodeLabel(type.name)) continue;
            const own = open(type.name);
            const spec = CONNECTIONS.get(`${type.name}.${name}`) ?? SINGULARS.get(`${type.name}.${name}`);
            // A relationship field adds nothing of its own; its edges' needs start empty (so not "all").
            if (spec) open(edgeNeedsName(spec));
            if (spec || own === 'all') continue;
            const definition = type.getFields()[name];
            const marked = (definition?.extensions as StoredPropertiesExtension | undefined)?.storedProperties;
            if (marked === undefined) {
              needs.set(type.name, 'all');
              continue;
            }
            const properties = typeof marked === 'function' ? marked(getArgumentValues(definition, node, info.variableValues) as Record<string, unknown>) : marked;
            for (const property of properties) own.add(property);
          }
        },
      }),
    );
  }
  NEEDS_OF_REQUEST.set(info.variableValues, needs);
  return needs;
}

/** graphql-js gives every resolver of one request the same `variableValues` object: the request's needs, once. */
const NEEDS_OF_REQUEST = new WeakMap<object, PropertyNeeds>();

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
  // Keyed by the field's AST node (Apollo reuses a document it has seen) and the values of the variables that
  // can change a plan: a client repeating an operation with another key or code is planned once.
  const [field] = info.fieldNodes;
  const key = `${typeName}|${always}|${info.fieldNodes.length}|${planningValues(info)}`;
  let known = READ_AHEAD_OF_FIELD.get(field);
  const found = known?.get(key);
  if (found) return found;
  let counter = 0;
  const plan = planFor(info, typeName, sets, () => `k${(counter += 1)}`, 1);
  const planned: ReadAhead = { plan, properties: always || plan.fields.length > 0 ? operationNeeds(info) : new Map() };
  if (!known) READ_AHEAD_OF_FIELD.set(field, (known = new Map()));
  if (known.size >= PLANS_KEPT_PER_FIELD) known.clear();
  known.set(key, planned);
  return planned;
}

const READ_AHEAD_OF_FIELD = new WeakMap<FieldNode, Map<string, ReadAhead>>();
const PLANS_KEPT_PER_FIELD = 100;

/**
 * The values of the variables a read-ahead plan or the operation's property needs may depend on: those given
 * to an argument of any field below the operation's root fields (page sizes, orders, `lang` …) or to a
 * directive, anywhere in the operation or its fragments. A root field's own arguments (the key looked up)
 * only choose the entity. Absent and null differ where a variable has a default: `[]` marks absent.
 */
function planningValues(info: GraphQLResolveInfo): string {
  let names = PLANNING_VARIABLES.get(info.operation);
  if (!names) PLANNING_VARIABLES.set(info.operation, (names = planningVariables(info)));
  const values = info.variableValues;
  return JSON.stringify(names.map((name) => (name in values ? [values[name]] : [])));
}

const PLANNING_VARIABLES = new WeakMap<object, readonly string[]>();

function planningVariables(info: GraphQLResolveInfo): string[] {
  const names = new Set<string>();
  const collect = (node: ASTNode) =>
    visit(node, {
      Variable(variable) {
        names.add(variable.name.value);
      },
    });
  const nested = (root: ASTNode, depthOfRoot: number) => {
    let depth = depthOfRoot;
    visit(root, {
      Field: {
        enter(node) {
          // Fields of a fragment may sit anywhere: counted as nested.
          if (depth > 0) node.arguments?.forEach(collect);
          depth += 1;
        },
        leave() {
          depth -= 1;
        },
      },
      Directive(directive) {
        collect(directive);
        return false;
      },
    });
  };
  nested(info.operation, 0);
  for (const fragment of Object.values(info.fragments)) nested(fragment, 1);
  return [...names].sort();
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
  return reaches(info, info.fieldNodes.map((node) => node.selectionSet), path);
}

/** Whether `sets` reach `path` through any fragment, whatever its type condition or directives. */
function reaches(info: GraphQLResolveInfo, sets: readonly (SelectionSetNode | undefined)[], path: readonly string[]): boolean {
  const from = (current: readonly (SelectionSetNode | undefined)[], depth: number): boolean => {
    if (depth === path.length) return true;
    for (const set of current) {
      for (const selection of set?.selections ?? []) {
        if (selection.kind === 'Field') {
          if (selection.name.value === path[depth] && from([selection.selectionSet], depth + 1)) return true;
        } else if (selection.kind === 'InlineFragment') {
          if (from([selection.selectionSet], depth)) return true;
        } else {
          const fragment = info.fragments[selection.name.value];
          if (fragment && from([fragment.selectionSet], depth)) return true;
        }
      }
    }
    return false;
  };
  return from(sets, 0);
}
