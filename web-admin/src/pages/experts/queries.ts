import { useQuery } from '@tanstack/react-query';
import { api, unwrap, etag, type Schemas } from '../../api/client';
import { useAction, type ActionOptions } from '../../lib/hooks';

export const expertKeys = {
  all: ['experts'] as const,
};

/** The expert pool; `enabled` false leaves it unasked until needed. */
export function useExperts(enabled = true) {
  return useQuery({ queryKey: expertKeys.all, enabled, queryFn: () => unwrap(api.GET('/api/v1/review/experts')) });
}

/** Creates an expert, or replaces an existing expert's profile. */
export function useSaveExpert(expert: Schemas['ReviewExpert'] | null, options: ActionOptions = {}) {
  return useAction(
    (body: Schemas['CreateExpertRequest']) => expert
      ? unwrap(api.PUT('/api/v1/review/experts/{id}', { params: { path: { id: expert.id }, header: { 'If-Match': etag(expert.version) } }, body }))
      : unwrap(api.POST('/api/v1/review/experts', { body })),
    { ...options, invalidate: [expertKeys.all] },
  );
}

export function useLinkExpertUser(expert: Schemas['ReviewExpert'], options: ActionOptions = {}) {
  return useAction(
    (body: { userName: string }) => unwrap(api.POST('/api/v1/review/experts/{id}/user', { params: { path: { id: expert.id } }, body })),
    { ...options, invalidate: [expertKeys.all] },
  );
}
