import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export const registrationStatusKeys = { status: (token: string) => ['registration-status', token] as const };

const TOKEN = 'jiebang.registration.token';

/** The last status token this browser received, so the unit can come back to its status later. */
export const lastToken = {
  get: (): string => { try { return localStorage.getItem(TOKEN) ?? ''; } catch { return ''; } },
  set: (token: string) => { try { localStorage.setItem(TOKEN, token); } catch { /* private mode */ } },
};

type SubmitBody = NonNullable<paths['/api/v1/registrations']['post']['requestBody']>['content']['multipart/form-data'];

export interface RegistrationValues {
  name: string;
  creditCode: string;
  orgType: string;
  legalRepresentative: string;
  adminDisplayName: string;
  adminMobile: string;
  adminEmail: string;
  adminUserName: string;
  adminPassword: string;
}

/** Sends the registration with its licence as multipart/form-data (the browser sets the boundary). */
export function submitRegistration(values: RegistrationValues, file: File) {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.append(key, value);
  form.append('file', file, file.name);
  return unwrap(api.POST('/api/v1/registrations', { body: form as unknown as SubmitBody, bodySerializer: (b) => b as unknown as FormData }));
}

export type RegistrationReceipt = Awaited<ReturnType<typeof submitRegistration>>;

/** A registration's status by its status token (unknown tokens answer 404, as if nothing existed). */
export function useRegistrationStatus(token: string) {
  return useQuery({
    queryKey: registrationStatusKeys.status(token),
    enabled: token !== '',
    queryFn: () => unwrap(api.GET('/api/v1/registrations/status', { params: { header: { 'X-Registration-Token': token } } })),
  });
}
