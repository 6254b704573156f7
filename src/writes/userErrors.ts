/**
 * Expected problems of a write, reported in the mutation payload's `userErrors` (Relay style): the caller can
 * fix them in the input. Thrown inside the write transaction, they roll it back, so nothing is half-written.
 */
export interface UserError {
  /** Path of the input field at fault, from the mutation's `input` (e.g. ["fields", "endDate"]). */
  field: string[];
  /** A stable code (the UserErrorCode enum of schema/mutations.graphql). */
  code: string;
  message: string;
}

export class WriteRefused extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((problem) => `${problem.field.join('.')}: ${problem.message}`).join('; '));
  }
}

/** Throws when there are problems, so a write stops before it touches the graph. */
export function refuseIfAny(problems: UserError[]): void {
  if (problems.length > 0) throw new WriteRefused(problems);
}
