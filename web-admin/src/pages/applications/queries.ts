import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';

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
