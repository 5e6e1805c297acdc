import { useSyncExternalStore } from 'react';
import { session } from './session';
import type { Role } from './roles';

export function useSessionUser() {
  return useSyncExternalStore(session.subscribe, session.user, session.user);
}

export function useRole(): Role | null {
  return (useSessionUser()?.role as Role | undefined) ?? null;
}

/** The task force acts; the auditor sees everything the task force sees but never acts. */
export function useIsTaskForce(): boolean {
  return useRole() === 'TaskForce';
}
