import type { CypherLibrary } from '../db/cypherLibrary';
import { OPEN_END, OPEN_START } from '../graph/storedProperties';

/**
 * "As of a day" in Cypher: the one fragment cypher/relationships/held-on.cypher, composed for a relationship
 * variable. Every read that takes `asOf` (relationship pages, traversal, analytics) keeps relationships with it,
 * and leaves it out of the statement when no day is asked, so the plan without `asOf` is the plan it always was.
 */
export function heldOn(library: CypherLibrary, rel: string): string {
  if (!/^[a-z][A-Za-z0-9_]*$/.test(rel)) throw new Error(`Not a Cypher variable: ${rel}`);
  return library.compose('relationships/held-on', { rel, openStart: OPEN_START, openEnd: OPEN_END });
}

/** ` AND <held on $asOf>` for `rel`, or nothing when no day is asked: for a WHERE that already has a predicate. */
export function andHeldOn(library: CypherLibrary, rel: string, asOf: string | null | undefined): string {
  return asOf ? ` AND ${heldOn(library, rel)}` : '';
}

/** ` WHERE <held on $asOf>` for `rel` (inside a relationship pattern), or nothing when no day is asked. */
export function whereHeldOn(library: CypherLibrary, rel: string, asOf: string | null | undefined): string {
  return asOf ? ` WHERE ${heldOn(library, rel)}` : '';
}
