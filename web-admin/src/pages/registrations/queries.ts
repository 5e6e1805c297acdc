import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, etag, unwrap, type Problem } from '../../api/client';
import { getApiBase } from '../../api/config';
import type { paths } from '../../api/schema';
import { session } from '../../auth/session';

export const registrationKeys = {
  all: ['registrations'] as const,
  list: (filter: RegistrationFilter) => ['registrations', 'list', filter] as const,
  detail: (id: string) => ['registrations', 'detail', id] as const,
  licence: (id: string) => ['registrations', 'licence', id] as const,
};

export type RegistrationStatus = NonNullable<NonNullable<paths['/api/v1/registrations']['get']['parameters']['query']>['status']>;

export interface RegistrationFilter {
  status?: RegistrationStatus;
  q?: string;
  page: number;
}

export const registrationStatuses: RegistrationStatus[] = ['Pending', 'Approved', 'Rejected'];

const fetchDetail = (id: string) => unwrap(api.GET('/api/v1/registrations/{id}', { params: { path: { id } } }));
export type RegistrationDetail = Awaited<ReturnType<typeof fetchDetail>>;

/** The review queue (task force and auditors), pending first by default. */
export function useRegistrations(filter: RegistrationFilter) {
  return useQuery({
    queryKey: registrationKeys.list(filter),
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/v1/registrations', { params: { query: { ...filter, pageSize: 20 } } })),
  });
}

export function useRegistration(id: string) {
  return useQuery({ queryKey: registrationKeys.detail(id), queryFn: () => fetchDetail(id) });
}

/** The licence file, fetched with the session's token; an image comes back ready to show in the page. */
export function useLicence(id: string) {
  return useQuery({
    queryKey: registrationKeys.licence(id),
    staleTime: Infinity,
    queryFn: async () => {
      const response = await globalThis.fetch(`${getApiBase()}/api/v1/registrations/${id}/licence`, {
        headers: session.token() ? { Authorization: `Bearer ${session.token()}` } : {},
      });
      if (!response.ok) {
        const problem = (await response.json().catch(() => undefined)) as Partial<Problem> | undefined;
        if (response.status === 401) session.expire();
        throw new ApiError(response.status, problem);
      }
      const blob = await response.blob();
      const type = blob.type || response.headers.get('Content-Type') || '';
      // Images are shown as a data: URL (img-src admits data:); a PDF is framed from the blob (frame-src admits blob:).
      const dataUrl = type.startsWith('image/') ? await new Promise<string>((ok, fail) => {
        const reader = new FileReader();
        reader.onload = () => ok(String(reader.result));
        reader.onerror = () => fail(reader.error);
        reader.readAsDataURL(blob);
      }) : null;
      return { type, dataUrl, blob };
    },
  });
}

function useReviewWrite<TVars>(registration: RegistrationDetail, fn: (vars: TVars) => Promise<RegistrationDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (detail) => {
      queryClient.setQueryData(registrationKeys.detail(registration.id), detail);
      await queryClient.invalidateQueries({ queryKey: ['registrations', 'list'] });
    },
  });
}

export function useApproveRegistration(r: RegistrationDetail) {
  return useReviewWrite(r, () =>
    unwrap(api.POST('/api/v1/registrations/{id}/approve', { params: { path: { id: r.id }, header: { 'If-Match': etag(r.version) } } })));
}

export function useRejectRegistration(r: RegistrationDetail) {
  return useReviewWrite(r, (reason: string) =>
    unwrap(api.POST('/api/v1/registrations/{id}/reject', { params: { path: { id: r.id }, header: { 'If-Match': etag(r.version) } }, body: { reason } })));
}
