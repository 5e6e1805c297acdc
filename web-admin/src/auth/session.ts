import type { components } from '../api/schema';

export type CurrentUser = components['schemas']['CurrentUser'];

const KEY = 'jiebang.session';

interface Stored {
  token: string;
  expiresAt: string;
  user: CurrentUser;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let current: Stored | null = read();
let expired = false;

function read(): Stored | null {
  try {
    const raw = sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored;
    return new Date(stored.expiresAt).getTime() > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

function emit() {
  listeners.forEach((l) => l());
}

/** The signed-in user and token. Kept in localStorage so a reload or a second tab stays signed in. */
export const session = {
  token: () => current?.token ?? null,
  user: () => current?.user ?? null,
  wasExpired: () => expired,
  signIn(token: string, expiresAt: string, user: CurrentUser) {
    current = { token, expiresAt, user };
    expired = false;
    localStorage.setItem(KEY, JSON.stringify(current));
    emit();
  },
  /** The same session with the user as the API now describes it (after a profile change). */
  updateUser(user: CurrentUser) {
    if (!current) return;
    current = { ...current, user };
    localStorage.setItem(KEY, JSON.stringify(current));
    emit();
  },
  /** The API answered auth.password_change_required: nothing but the change-password page until it is done. */
  requirePasswordChange() {
    if (!current || current.user.mustChangePassword) return;
    this.updateUser({ ...current.user, mustChangePassword: true });
  },
  signOut() {
    current = null;
    localStorage.removeItem(KEY);
    emit();
  },
  expire() {
    if (!current) return;
    expired = true;
    current = null;
    localStorage.removeItem(KEY);
    emit();
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
