import { api, unwrap } from '../../api/client';
import { session } from '../../auth/session';

export const profileKeys = { options: ['auth', 'options'] as const };

export type ProfileBody = { displayName: string; email?: string | null; mobile?: string | null };

/** Saves the signed-in person's name and contact details; the session shows the answer at once. */
export async function updateProfile(body: ProfileBody) {
  const user = await unwrap(api.PUT('/api/v1/auth/me', { body }));
  session.updateUser(user);
  return user;
}

/**
 * Changes one's own password. The change ends every earlier token, the one used included, so the answer's fresh token
 * replaces the session's.
 */
export async function changePassword(body: { currentPassword: string; newPassword: string }) {
  const result = await unwrap(api.POST('/api/v1/auth/password', { body }));
  session.signIn(result.accessToken, result.expiresAt, result.user);
  return result;
}

/** Ends the token on the server, then forgets it here (also when the server cannot be reached). */
export async function signOut() {
  try {
    if (session.token()) await api.POST('/api/v1/auth/sign-out');
  } catch {
    // Offline or already ended: the local session goes anyway.
  } finally {
    session.signOut();
  }
}
