import { UnauthenticatedError } from '../errors';

/** Credentials were sent but cannot be accepted: 401 with `error="invalid_token"` in the challenge. */
export function invalidCredentials(message: string): UnauthenticatedError {
  return new UnauthenticatedError(message, { invalidToken: true });
}
