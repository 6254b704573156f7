import { ForbiddenError, UnauthenticatedError } from '../errors';

/**
 * Who is asking. Reads are public; writes need a principal with a role. `admin` can do everything an
 * `editor` can, plus delete, revert and manage API keys.
 */
export const ROLES = ['editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  kind: 'principal';
  /** Stable identifier recorded in history: `key:<key id>` for API keys, `jwt:<issuer>#<sub>` for tokens. */
  id: string;
  /** A human-readable name for history and logs (the key's name, the token's `name` or `sub`). */
  name: string;
  role: Role;
  /** `system`: the seed and other writers that run inside the server's own process, not for a request. */
  via: 'api-key' | 'jwt' | 'system';
}

export type Viewer = { kind: 'anonymous' } | Principal;

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

const RANK: Record<Role, number> = { editor: 1, admin: 2 };

/** The principal allowed to do what `role` may do, or the coded error a client sees (401 or 403). */
export function requireRole(viewer: Viewer, role: Role): Principal {
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError('This operation needs credentials: send `Authorization: Bearer <API key or JWT>`.');
  if (RANK[viewer.role] < RANK[role]) throw new ForbiddenError(`This operation needs the ${role} role; these credentials have ${viewer.role}.`);
  return viewer;
}

/** The principal the seed loader writes as: seeded facts carry history and versions like any other write. */
export const SEED_PRINCIPAL: Principal = { kind: 'principal', id: 'system:seed', name: 'seed loader (seed/*.json)', role: 'admin', via: 'system' };
