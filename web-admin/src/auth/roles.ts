import { session, type CurrentUser } from './session';

export type Role = 'TaskForce' | 'Issuer' | 'Applicant' | 'Expert' | 'Auditor';

/** Menu areas per role, mirroring what the API lets each role call. */
export const areasByRole: Record<Role, string[]> = {
  TaskForce: ['dashboard', 'programmes', 'challenges', 'applications', 'review', 'experts', 'funding', 'organisations', 'audit', 'users', 'registrations', 'api-keys'],
  Auditor: ['dashboard', 'programmes', 'challenges', 'applications', 'review', 'experts', 'funding', 'organisations', 'audit', 'users', 'registrations', 'api-keys'],
  Issuer: ['challenges', 'applications', 'publications', 'agreements', 'organisations'],
  Applicant: ['challenges', 'applications', 'publications', 'agreements', 'organisations'],
  Expert: ['assignments', 'conflicts'],
};

/**
 * Pages reached by link rather than from the menu: an agreement is open to its parties (issuer and applicant users,
 * whose organisation the API checks: 404 otherwise) as well as to the task force and auditors, who find agreements on
 * the funding page; issuers and applicants have their own agreement list and publication pages in the menu.
 */
export const linkedAreasByRole: Record<Role, string[]> = {
  TaskForce: ['agreements'],
  Auditor: ['agreements'],
  Issuer: [],
  Applicant: [],
  Expert: [],
};

export const homeByRole: Record<Role, string> = {
  TaskForce: '/dashboard',
  Auditor: '/dashboard',
  Issuer: '/challenges',
  Applicant: '/applications',
  Expert: '/assignments',
};

export function currentRole(): Role | null {
  return (session.user()?.role as Role | undefined) ?? null;
}

/** A unit administrator (单位管理员): an applicant or issuer user who manages its organisation's users. */
export function isUnitAdmin(user: CurrentUser | null | undefined): boolean {
  return !!user?.orgAdmin && (user.role === 'Applicant' || user.role === 'Issuer');
}

/** The menu of a signed-in user: the role's areas, and 本单位用户 for a unit administrator. */
export function menuAreas(user: CurrentUser | null | undefined): string[] {
  const role = user?.role as Role | undefined;
  if (!role || !areasByRole[role]) return [];
  return isUnitAdmin(user) ? [...areasByRole[role], 'org-users'] : areasByRole[role];
}

export function mayUse(area: string, role: Role | null = currentRole(), user: CurrentUser | null = session.user()): boolean {
  if (area === 'org-users') return !!role && isUnitAdmin(user) && user?.role === role;
  return !!role && (areasByRole[role].includes(area) || linkedAreasByRole[role].includes(area));
}
