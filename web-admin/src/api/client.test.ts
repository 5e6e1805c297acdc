import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../auth/session';
import { fakeFetch, problem } from '../test/fakeApi';
import { api } from './client';

const user = { id: 'u1', userName: 'lead1', displayName: '甲', role: 'Applicant', isDemo: false, orgAdmin: false, mustChangePassword: false };
const later = () => new Date(Date.now() + 3_600_000).toISOString();

afterEach(() => {
  vi.unstubAllGlobals();
  session.signOut();
});

describe('the session and the API client', () => {
  it('ends the session on a 401 for its token (signed out elsewhere, deactivated, password changed)', async () => {
    session.signIn('t1', later(), user);
    fakeFetch(() => problem(401, 'auth.required', '需要登录 / Sign in'));
    await api.GET('/api/v1/auth/me');
    expect(session.user()).toBeNull();
    expect(session.wasExpired()).toBe(true);
  });

  it('keeps a session whose token changed while an older request was refused', async () => {
    session.signIn('t1', later(), user);
    fakeFetch(() => {
      session.signIn('t2', later(), user);
      return problem(401, 'auth.required', '需要登录 / Sign in');
    });
    await api.GET('/api/v1/auth/me');
    expect(session.token()).toBe('t2');
  });

  it('sends an account the API holds to a password change to the change page', async () => {
    session.signIn('t1', later(), user);
    fakeFetch(() => problem(403, 'auth.password_change_required', '请先修改密码 / Change your password first'));
    await api.GET('/api/v1/auth/me');
    expect(session.user()?.mustChangePassword).toBe(true);
  });
});
