import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type FieldDefinitionNode, type InputValueDefinitionNode, type TypeNode } from 'graphql';
import { limitAt, registryEntryAt, type Bounds } from '../limits';

/**
 * How an argument sizes what a field returns, read from the `{{limit:…}}` placeholders of the raw SDL: an argument
 * whose description names `relationshipPage.max` is bounded by `LIMITS.relationshipPage`, so the cost model and
 * the manual read one registry and a new paginated field is costed as soon as its description names its limit.
 *
 * - `page`: `first`/`last` (or any other Int bounded by the registry): what the field selects is multiplied by the
 *   given size, clamped to the maximum (the argument check refuses more), or by the default when none is given.
 * - `steps`: `depth`: the field's own work is multiplied, not what it selects (a walk of 3 steps returns at most
 *   `limit` entities, however deep).
 * - `ids`: a list argument bounded by a plain number (`nodes(ids:)`): the selection is multiplied by its length.
 */
export type SizeArgument =
  | { kind: 'page'; names: readonly string[]; bounds: Bounds }
  | { kind: 'steps'; name: string; bounds: Bounds }
  | { kind: 'ids'; name: string; max: number };

/** The size arguments of each field, by `Type.field` (interfaces included). */
export type SizeArguments = ReadonlyMap<string, readonly SizeArgument[]>;

const PLACEHOLDER = /\{\{limit:([A-Za-z.]+)\}\}/g;
const STEP_ARGUMENTS = new Set(['depth']);
/** `first` and `last` are one page: whichever is given sizes it. */
const PAGE_PAIR = ['first', 'last'] as const;

export function loadSizeArguments(rootDir: string): SizeArguments {
  const schemaDir = path.join(rootDir, 'schema');
  const sources = fs
    .readdirSync(schemaDir)
    .filter((name) => name.endsWith('.graphql'))
    .map((name) => fs.readFileSync(path.join(schemaDir, name), 'utf8'));
  return sizeArgumentsOf(sources);
}

export function sizeArgumentsOf(rawSdl: readonly string[]): SizeArguments {
  const byField = new Map<string, SizeArgument[]>();
  for (const source of rawSdl) {
    for (const definition of parse(source).definitions) {
      if (
        definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
        definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
        definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
        definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
      ) {
        continue;
      }
      for (const field of definition.fields ?? []) {
        const sized = sizeArgumentsOfField(field);
        if (sized.length > 0) byField.set(`${definition.name.value}.${field.name.value}`, sized);
      }
    }
  }
  return byField;
}

function sizeArgumentsOfField(field: FieldDefinitionNode): SizeArgument[] {
  const sized: SizeArgument[] = [];
  const pageNames: string[] = [];
  let pageBounds: Bounds | undefined;
  for (const argument of field.arguments ?? []) {
    const limit = registryLimitOf(argument);
    if (!limit) continue;
    const name = argument.name.value;
    if (isIdList(argument.type)) {
      if (typeof limit === 'number') sized.push({ kind: 'ids', name, max: limit });
    } else if (typeof limit === 'number' || isList(argument.type)) {
      continue;
    } else if (STEP_ARGUMENTS.has(name)) {
      sized.push({ kind: 'steps', name, bounds: limit });
    } else if ((PAGE_PAIR as readonly string[]).includes(name)) {
      pageNames.push(name);
      // `first` carries the default in its description; `last` only its maximum, from the same bounds.
      pageBounds ??= limit;
    } else {
      sized.push({ kind: 'page', names: [name], bounds: limit });
    }
  }
  if (pageBounds) sized.push({ kind: 'page', names: pageNames, bounds: pageBounds });
  return sized;
}

function isList(type: TypeNode): boolean {
  return (type.kind === Kind.NON_NULL_TYPE ? type.type : type).kind === Kind.LIST_TYPE;
}

/** `[ID!]`, `[ID!]!` …: a list of IDs, each an object of the answer. */
function isIdList(type: TypeNode): boolean {
  const list = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  if (list.kind !== Kind.LIST_TYPE) return false;
  const item = list.type.kind === Kind.NON_NULL_TYPE ? list.type.type : list.type;
  return item.kind === Kind.NAMED_TYPE && item.name.value === 'ID';
}

/** The registry entry an argument's description names: a Bounds (from `x.max`, `x.default` …) or a plain number. */
function registryLimitOf(argument: InputValueDefinitionNode): Bounds | number | undefined {
  const description = argument.description?.value ?? '';
  for (const [, limitPath] of description.matchAll(PLACEHOLDER)) {
    const bounds = boundsAt(limitPath.replace(/\.(min|max|default)$/, ''));
    if (bounds) return bounds;
    return limitAt(limitPath);
  }
  return undefined;
}

function boundsAt(dottedPath: string): Bounds | undefined {
  const bounds = registryEntryAt(dottedPath) as Partial<Bounds> | undefined;
  return typeof bounds?.max === 'number' && typeof bounds.default === 'number' && typeof bounds.min === 'number' ? (bounds as Bounds) : undefined;
}
