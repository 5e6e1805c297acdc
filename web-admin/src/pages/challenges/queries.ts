import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';

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
