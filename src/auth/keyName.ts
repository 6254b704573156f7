import { LIMITS } from '../limits';

export interface KeyNameProblem {
  code: 'BLANK' | 'TOO_LONG' | 'CONTROL_CHARACTERS';
  message: string;
}

// Control characters would garble key lists in terminals and logs.
const CONTROL_CHARACTERS = /\p{Cc}/u;

/** Checks an API key's name (as given by the admin mutation or the CLI); undefined when it is fine. */
export function keyNameProblem(name: string): KeyNameProblem | undefined {
  if (name.trim() === '') return { code: 'BLANK', message: 'The key needs a name (who or what uses it).' };
  if ([...name].length > LIMITS.auth.apiKeyName) {
    return { code: 'TOO_LONG', message: `The name is longer than ${LIMITS.auth.apiKeyName} characters.` };
  }
  if (CONTROL_CHARACTERS.test(name)) return { code: 'CONTROL_CHARACTERS', message: 'The name must not contain control characters.' };
  return undefined;
}
