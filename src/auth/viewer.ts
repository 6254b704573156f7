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

/**
 * Valid credentials that carry neither `editor` nor `admin` (a JWT without a recognised role): such a caller may
 * read, like anyone, and is refused writes with FORBIDDEN rather than UNAUTHENTICATED.
 */
export interface RolelessPrincipal {
  kind: 'roleless';
  id: string;
  name: string;
  via: 'jwt';
}

export type Viewer = { kind: 'anonymous' } | Principal | RolelessPrincipal;

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The strongest of some roles (`admin` over `editor`), or undefined when there is none. */
export function strongestRole(roles: readonly Role[]): Role | undefined {
  return roles.reduce<Role | undefined>((best, role) => (best === undefined || RANK[role] > RANK[best] ? role : best), undefined);
}

const RANK: Record<Role, number> = { editor: 1, admin: 2 };

/** The principal allowed to do what `role` may do, or the coded error a client sees (401 or 403). */
export function requireRole(viewer: Viewer, role: Role): Principal {
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError('This operation needs credentials: send `Authorization: Bearer <API key or JWT>`.');
  if (viewer.kind === 'roleless') throw new ForbiddenError(`This operation needs the ${role} role; these credentials have no role.`);
  if (RANK[viewer.role] < RANK[role]) throw new ForbiddenError(`This operation needs the ${role} role; these credentials have ${viewer.role}.`);
  return viewer;
}

/** The principal the seed loader writes as: seeded facts carry history and versions like any other write. */
export const SEED_PRINCIPAL: Principal = { kind: 'principal', id: 'system:seed', name: 'seed loader (seed/*.json)', role: 'admin', via: 'system' };
