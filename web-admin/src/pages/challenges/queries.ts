import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, etag, type Schemas } from '../../api/client';
import type { operations } from '../../api/schema';
import { useAction, type ActionOptions } from '../../lib/hooks';

export type ChallengeQuery = NonNullable<operations['Challenges_List']['parameters']['query']>;

/** `all` is the prefix of every challenge list, `details` of every single challenge. */
export const challengeKeys = {
  all: ['challenges'] as const,
  list: (filter: ChallengeQuery) => ['challenges', filter] as const,
  ofBatch: (batchId: string) => ['challenges', { batch: batchId }] as const,
  details: ['challenge'] as const,
  detail: (id: string | undefined) => ['challenge', id] as const,
};

export function useChallenges(filter: ChallengeQuery) {
  return useQuery({
    queryKey: challengeKeys.list(filter),
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/v1/challenges', { params: { query: filter } })),
  });
}

export function useBatchChallenges(batchId: string) {
  return useQuery({
    queryKey: challengeKeys.ofBatch(batchId),
    queryFn: () => unwrap(api.GET('/api/v1/challenges', { params: { query: { batch: batchId, pageSize: 100 } } })),
  });
}

/** One challenge; not asked for while `enabled` is false (a form for a new challenge has no id). */
export function useChallenge(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: challengeKeys.detail(id),
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/challenges/{id}', { params: { path: { id: id! } } })),
  });
}

export type ChallengeMove = 'submit' | 'withdraw' | 'approve' | 'reject' | 'send-to-review';

/** Moves a challenge on (submit, withdraw, approve, reject, send to review); the reason is the rejection's. */
export function useChallengeMove(c: Schemas['ChallengeDetail'], reason: string, options: ActionOptions = {}) {
  return useAction(
    async (m: ChallengeMove) => {
      const params = { path: { id: c.id }, header: { 'If-Match': etag(c.version) } };
      switch (m) {
        case 'submit': return unwrap(api.POST('/api/v1/challenges/{id}/submit', { params, body: {} }));
        case 'withdraw': return unwrap(api.POST('/api/v1/challenges/{id}/withdraw', { params, body: {} }));
        case 'approve': return unwrap(api.POST('/api/v1/challenges/{id}/approve', { params, body: {} }));
        case 'send-to-review': return unwrap(api.POST('/api/v1/challenges/{id}/send-to-review', { params, body: {} }));
        case 'reject': return unwrap(api.POST('/api/v1/challenges/{id}/reject', { params, body: { reason } }));
      }
    },
    { ...options, invalidate: [challengeKeys.detail(c.id), challengeKeys.all] },
  );
}

/** Saves a challenge: replaces `existing`, or creates one in the batch. */
export function useSaveChallenge(existing: Schemas['ChallengeDetail'] | undefined, options: ActionOptions<Schemas['ChallengeDetail']> = {}) {
  return useAction(
    ({ body, batchId }: { body: Schemas['UpdateChallengeRequest']; batchId: string }) => existing
      ? unwrap(api.PUT('/api/v1/challenges/{id}', { params: { path: { id: existing.id }, header: { 'If-Match': etag(existing.version) } }, body }))
      : unwrap(api.POST('/api/v1/challenges', { body: { ...body, batchId } })),
    { ...options, invalidate: [challengeKeys.all, challengeKeys.details] },
  );
}
