import type { Confidence, ProvenanceEntry } from '../graph/storedProperties';
import { refuseIfAny, type UserError } from './userErrors';
import { valueProblems } from './validate';
import type { Writer } from './writer';

/** The provenance a client gives with a write (WriteProvenanceInput). */
export interface ProvenanceInput {
  source?: string | null;
  quote?: string | null;
  confidence?: Confidence | null;
  note?: string | null;
}

/**
 * Turns a write's stated provenance into the entry stored on what it touches: a registered source (which must
 * exist) or "entered by" the principal, always with who and when, so a fact says how it got into the graph.
 */
export async function provenanceEntry(writer: Writer, input: ProvenanceInput | null | undefined, field: string[]): Promise<ProvenanceEntry> {
  const problems: UserError[] = [];
  for (const name of ['quote', 'note'] as const) {
    const value = input?.[name];
    if (value !== null && value !== undefined) problems.push(...valueProblems(value, { type: 'text' }, [...field, name]));
  }
  const source = input?.source ?? undefined;
  if (source !== undefined) {
    const [row] = await writer.tx.run('writes/entity-exists', { uids: [`Source:${source}`] });
    if (!row?.exists) problems.push({ field: [...field, 'source'], code: 'UNKNOWN_SOURCE', message: `no registered Source has the key "${source}". Register it first (createSource), or omit \`source\`.` });
  }
  refuseIfAny(problems);
  return entryOf(writer, input);
}

/** The stored entry for checked input (the import checks its sources for a whole file at once). */
export function entryOf(writer: Pick<Writer, 'principal' | 'at'>, input: ProvenanceInput | null | undefined): ProvenanceEntry {
  const entry: ProvenanceEntry = { confidence: input?.confidence ?? 'MEDIUM', enteredBy: writer.principal.id, enteredOn: writer.at.toISOString().slice(0, 10) };
  if (input?.source !== undefined && input.source !== null) entry.source = input.source;
  if (input?.quote) entry.quote = input.quote;
  if (input?.note) entry.note = input.note;
  return entry;
}
