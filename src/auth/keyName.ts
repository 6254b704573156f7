import { LIMITS } from '../limits';

export interface KeyNameProblem {
  code: 'BAD_USER_INPUT' | 'LIMIT_EXCEEDED';
  message: string;
}

// Control characters would garble key lists in terminals and logs.
const CONTROL_CHARACTERS = /\p{Cc}/u;

/** Checks an API key's name (as given by the admin mutation or the CLI); undefined when it is fine. */
export function keyNameProblem(name: string): KeyNameProblem | undefined {
  if (name.trim() === '') return { code: 'BAD_USER_INPUT', message: 'The key needs a name (who or what uses it).' };
  if ([...name].length > LIMITS.auth.apiKeyName) {
    return { code: 'LIMIT_EXCEEDED', message: `The name is longer than ${LIMITS.auth.apiKeyName} characters.` };
  }
  if (CONTROL_CHARACTERS.test(name)) return { code: 'BAD_USER_INPUT', message: 'The name must not contain control characters.' };
  return undefined;
}
