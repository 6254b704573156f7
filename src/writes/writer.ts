import type { Principal } from '../auth/viewer';
import type { CypherLibrary } from '../db/cypherLibrary';
import type { TransactionRunner } from '../db/cypherRunner';

/**
 * One write transaction and who makes it. Every write function takes a Writer: mutations build one per
 * mutation field, the seed one for the whole seed, so all of a write commits or none of it does.
 */
export interface Writer {
  tx: TransactionRunner;
  library: CypherLibrary;
  principal: Principal;
  /** The write's time: every change and provenance entry of the transaction carries it. */
  at: Date;
  /** Groups the changes of one bulk write (the seed, an import batch). */
  batch?: string;
  /** Set while reverting: every change recorded says which change it reverts. */
  revertOf?: number;
}

/** A statement of cypher/ with its allow-listed `type` slot filled in. */
export function runForType(writer: Writer, name: string, type: string, params: Record<string, unknown>) {
  return writer.tx.runComposed(name, writer.library.compose(name, { type }), params);
}
