import { keepPreviousData, useQuery, useMutation } from '@tanstack/react-query';
import { api, unwrap, etag, type Schemas } from '../../api/client';
import type { operations } from '../../api/schema';
import { useAction, type ActionOptions } from '../../lib/hooks';
import type { JobStart } from '../../jobs/jobs';
import { multipart } from '../../components/AttachmentUpload';

export type ApplicationQuery = NonNullable<operations['Applications_List']['parameters']['query']>;

/** `all` is the prefix of every application list, `details` of every single application (and its versions). */
export const applicationKeys = {
  all: ['applications'] as const,
  list: (filter: ApplicationQuery) => ['applications', filter] as const,
  selected: () => ['applications', { status: 'Selected' }] as const,
  details: ['application'] as const,
  detail: (id: string | undefined) => ['application', id] as const,
  versions: (id: string) => ['application', id, 'versions'] as const,
};

export function useApplications(filter: ApplicationQuery) {
  return useQuery({
    queryKey: applicationKeys.list(filter),
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/v1/applications', { params: { query: filter } })),
  });
}

/** The selected applications (first 100), those an agreement may be signed for. */
export function useSelectedApplications() {
  return useQuery({
    queryKey: applicationKeys.selected(),
    queryFn: () => unwrap(api.GET('/api/v1/applications', { params: { query: { status: 'Selected', pageSize: 100 } } })),
  });
}

/** One application; not asked for while `enabled` is false (a form for a new application has no id). */
export function useApplication(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: applicationKeys.detail(id),
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id: id! } } })),
  });
}

export function useApplicationVersions(id: string) {
  return useQuery({
    queryKey: applicationKeys.versions(id),
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/versions', { params: { path: { id } } })),
  });
}

export function useSubmitApplication(a: Schemas['ApplicationDetail'], options: ActionOptions = {}) {
  return useAction(
    () => unwrap(api.POST('/api/v1/applications/{id}/submit', { params: { path: { id: a.id }, header: { 'If-Match': etag(a.version) } }, body: {} })),
    { ...options, invalidate: [applicationKeys.detail(a.id), applicationKeys.all] },
  );
}

export function useWithdrawApplication(a: Schemas['ApplicationDetail'], options: ActionOptions = {}) {
  return useAction(
    () => unwrap(api.POST('/api/v1/applications/{id}/withdraw', { params: { path: { id: a.id }, header: { 'If-Match': etag(a.version) } }, body: {} })),
    { ...options, invalidate: [applicationKeys.detail(a.id), applicationKeys.all] },
  );
}

/** A member's confirmation of its part in the consortium. */
export function useConfirmParticipation(a: Schemas['ApplicationDetail'], options: ActionOptions = {}) {
  return useAction(
    () => unwrap(api.POST('/api/v1/applications/{id}/confirmation', { params: { path: { id: a.id }, header: { 'If-Match': etag(a.version) } }, body: {} })),
    { ...options, invalidate: [applicationKeys.detail(a.id), applicationKeys.all] },
  );
}

export function useWithdrawConfirmation(a: Schemas['ApplicationDetail'], reason: string, options: ActionOptions = {}) {
  return useAction(
    () => unwrap(api.POST('/api/v1/applications/{id}/confirmation/withdraw', {
      params: { path: { id: a.id }, header: { 'If-Match': etag(a.version) } }, body: { reason: reason.trim() || undefined },
    })),
    { ...options, invalidate: [applicationKeys.detail(a.id), applicationKeys.all] },
  );
}

export function useOverrideEligibility(a: Schemas['ApplicationDetail'], options: ActionOptions = {}) {
  return useAction(
    (body: Schemas['OverrideEligibilityRequest']) =>
      unwrap(api.POST('/api/v1/applications/{id}/eligibility-override', { params: { path: { id: a.id }, header: { 'If-Match': etag(a.version) } }, body })),
    { ...options, invalidate: [applicationKeys.detail(a.id), applicationKeys.all] },
  );
}

/** Saves an application: replaces `existing`, or creates one for the challenge. */
export function useSaveApplication(existing: Schemas['ApplicationDetail'] | undefined, challengeId: string, options: ActionOptions<Schemas['ApplicationDetail']> = {}) {
  return useAction(
    (body: Schemas['UpdateApplicationRequest']) => existing
      ? unwrap(api.PUT('/api/v1/applications/{id}', { params: { path: { id: existing.id }, header: { 'If-Match': etag(existing.version) } }, body }))
      : unwrap(api.POST('/api/v1/applications', { body: { ...body, challengeId } })),
    { ...options, invalidate: [applicationKeys.all, applicationKeys.details] },
  );
}

/** Starts an export of the applications (of a batch and/or a challenge) as a background job. */
export function useStartApplicationsExport(scope: Schemas['ExportApplicationsRequest'], options: JobStart = {}) {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/applications/export-jobs', { body: scope })), ...options });
}

/** Uploads an attachment of an application (the caller refreshes the application). */
export function uploadApplicationAttachment(applicationId: string, file: File) {
  return unwrap(api.POST('/api/v1/applications/{id}/attachments', { params: { path: { id: applicationId } }, ...multipart<Schemas['AttachmentUpload']>(file) }));
}
