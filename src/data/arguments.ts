import { BadInputError, LimitExceededError } from '../errors';
import { isNodeLabel, isRelationshipType, type NodeLabel, type RelationshipType } from '../graph/vocabulary';
import type { Bounds } from '../limits';
import { labelFromKind } from './entityView';
import { normalizeForLookup } from './normalize';

/**
 * The argument checks of the read API, in one place: traversal, search and analytics build their requests from
 * these, before any Cypher runs. Each check names the argument it rejects (`extensions.argumentName`): a value
 * the API cannot use is BAD_USER_INPUT, a value over a cap of src/limits.ts is LIMIT_EXCEEDED with the cap.
 */

/**
 * An integer argument within bounds of the registry: omitted or null takes the default; below the minimum is
 * BAD_USER_INPUT, above the maximum LIMIT_EXCEEDED.
 */
export function boundedInt(argument: string, value: number | null | undefined, bounds: Bounds): number {
  const chosen = value ?? bounds.default;
  if (!Number.isInteger(chosen)) throw new BadInputError(argument, `must be a whole number from ${bounds.min} to ${bounds.max}.`);
  if (chosen < bounds.min) throw new BadInputError(argument, `must be from ${bounds.min} to ${bounds.max} (got ${chosen}).`);
  if (chosen > bounds.max) {
    throw new LimitExceededError(argument, bounds.max, `Argument "${argument}" is ${chosen}, above its maximum of ${bounds.max}.`);
  }
  return chosen;
}

/** An integer argument with a lower bound only; omitted or null is the lower bound itself. */
export function atLeast(argument: string, value: number | null | undefined, minimum: number): number {
  const chosen = value ?? minimum;
  if (!Number.isInteger(chosen) || chosen < minimum) throw new BadInputError(argument, `must be a whole number of ${minimum} or more.`);
  return chosen;
}

/** Relationship types from a request, checked against the allow-list, repeats dropped; null (all types) when omitted. */
export function relationshipTypesArg(argument: string, types: readonly string[] | null | undefined): RelationshipType[] | null {
  if (types === null || types === undefined) return null;
  const unknown = types.find((type) => !isRelationshipType(type));
  if (unknown !== undefined) throw new BadInputError(argument, `"${unknown}" is not a relationship type.`);
  // Sorted: one set of types is one statement, one loader group and one cursor filter, whatever its order.
  return [...new Set(types as RelationshipType[])].sort();
}

/** EntityKind values from a request as node labels of the allow-list, repeats dropped; null (all kinds) when omitted. */
export function kindsArg(argument: string, kinds: readonly string[] | null | undefined): NodeLabel[] | null {
  if (kinds === null || kinds === undefined) return null;
  return [
    ...new Set(
      kinds.map((kind) => {
        const label = labelFromKind(kind);
        if (!isNodeLabel(label)) throw new BadInputError(argument, `"${kind}" is not an entity kind.`);
        return label;
      }),
    ),
  ].sort();
}

/** One value of a fixed set (an enum the schema already checks; checked again, as nothing else guards the data layer). */
export function oneOf<T extends string>(argument: string, value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new BadInputError(argument, `"${value}" is not ${what}.`);
  return value as T;
}

/** A non-empty list of values of a fixed set, repeats dropped; all of them when omitted. */
export function someOf<T extends string>(argument: string, values: readonly string[] | null | undefined, allowed: readonly T[], what: string): T[] {
  if (values === null || values === undefined) return [...allowed];
  if (values.length === 0) throw new BadInputError(argument, `name at least one ${what}, or omit it for all.`);
  return [...new Set(values.map((value) => oneOf(argument, value, allowed, `a ${what}`)))];
}

/** Words typed by a person, normalised like `lookupText` (lower case, no accents, single spaces), within caps. */
export function wordsArg(argument: string, text: string, caps: { maxLength: number; maxWords?: number }): string[] {
  if (text.length > caps.maxLength) {
    throw new LimitExceededError(argument, caps.maxLength, `Argument "${argument}" is longer than ${caps.maxLength} characters.`);
  }
  const normalized = normalizeForLookup(text);
  if (!normalized) throw new BadInputError(argument, 'must contain at least one word.');
  const words = normalized.split(' ');
  if (caps.maxWords !== undefined && words.length > caps.maxWords) {
    throw new LimitExceededError(argument, caps.maxWords, `Argument "${argument}" has more than ${caps.maxWords} words.`);
  }
  return words;
}

/** An optional range of years; `yearTo` before `yearFrom` is BAD_USER_INPUT. */
export function yearRangeArg(yearFrom: number | null | undefined, yearTo: number | null | undefined): { yearFrom: number | null; yearTo: number | null } {
  const range = { yearFrom: yearFrom ?? null, yearTo: yearTo ?? null };
  if (range.yearFrom !== null && range.yearTo !== null && range.yearFrom > range.yearTo) {
    throw new BadInputError('yearTo', `must not be before yearFrom (${range.yearFrom}).`);
  }
  return range;
}
