import { ANONYMOUS, requireRole, strongestRole, type Principal, type Viewer } from '../../src/auth/viewer';

const editor: Principal = { kind: 'principal', id: 'key:0123456789abcdef', name: 'importer', role: 'editor', via: 'api-key' };
const admin: Principal = { ...editor, id: 'jwt:https://id.example.org#root', role: 'admin', via: 'jwt' };
const roleless: Viewer = { kind: 'roleless', id: 'jwt:https://id.example.org#reader', name: 'reader', via: 'jwt' };

function failureOf(work: () => unknown): { code: unknown; status: unknown; challenge: unknown } {
  try {
    work();
  } catch (error) {
    const extensions = (error as { extensions: { code: unknown; http: { status: unknown; headers?: Map<string, string> } } }).extensions;
    return { code: extensions.code, status: extensions.http.status, challenge: extensions.http.headers?.get('www-authenticate') };
  }
  throw new Error('expected a failure');
}

test('an anonymous viewer is UNAUTHENTICATED with a plain Bearer challenge (no credentials were sent)', () => {
  expect(failureOf(() => requireRole(ANONYMOUS, 'editor'))).toEqual({ code: 'UNAUTHENTICATED', status: 401, challenge: 'Bearer realm="geocoop-graph"' });
});

test('an editor may do editor work and is FORBIDDEN admin work', () => {
  expect(requireRole(editor, 'editor')).toBe(editor);
  expect(failureOf(() => requireRole(editor, 'admin'))).toEqual({ code: 'FORBIDDEN', status: 403, challenge: undefined });
});

test('an admin may do editor and admin work', () => {
  expect(requireRole(admin, 'editor')).toBe(admin);
  expect(requireRole(admin, 'admin')).toBe(admin);
});

test('valid credentials without a role are FORBIDDEN any write', () => {
  expect(failureOf(() => requireRole(roleless, 'editor'))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
});

test('the strongest role of several is admin over editor, and none of none', () => {
  expect(strongestRole(['editor', 'admin', 'editor'])).toBe('admin');
  expect(strongestRole(['editor'])).toBe('editor');
  expect(strongestRole([])).toBeUndefined();
});
