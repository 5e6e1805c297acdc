import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap, ApiError } from '../../api/client';
import type { operations } from '../../api/schema';
import { useAllBatches } from '../programmes/queries';

export type AgreementQuery = NonNullable<operations['Agreements_List']['parameters']['query']>;

/** `all` is the prefix of every agreement list. */
export const agreementKeys = {
  all: ['agreements'] as const,
  list: (query: AgreementQuery) => ['agreements', query] as const,
  detail: (id: string) => ['agreement', id] as const,
};

/** A batch's funding policy; `all` is the prefix of every batch's. */
export const policyKeys = {
  all: ['policy'] as const,
  ofBatch: (batchId: string | undefined) => ['policy', batchId] as const,
};

export function useAgreements(query: AgreementQuery) {
  return useQuery({
    queryKey: agreementKeys.list(query),
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/v1/agreements', { params: { query } })),
  });
}

export function useAgreement(id: string) {
  return useQuery({ queryKey: agreementKeys.detail(id), queryFn: () => unwrap(api.GET('/api/v1/agreements/{id}', { params: { path: { id } } })) });
}

/** A batch's funding policy, null while it has none (the API's 404). */
async function policyOrNull(batchId: string) {
  try {
    return await unwrap(api.GET('/api/v1/batches/{batchId}/funding-policy', { params: { path: { batchId } } }));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null; // no policy yet
    throw e;
  }
}

export function useFundingPolicy(batchId: string, enabled: boolean) {
  return useQuery({ queryKey: policyKeys.ofBatch(batchId), enabled, queryFn: () => policyOrNull(batchId) });
}

/** The policy an agreement is signed under: a batch without one is an error here. */
export function useSigningPolicy(batchId: string | undefined) {
  return useQuery({
    queryKey: policyKeys.ofBatch(batchId),
    enabled: !!batchId,
    queryFn: () => unwrap(api.GET('/api/v1/batches/{batchId}/funding-policy', { params: { path: { batchId: batchId! } } })),
  });
}

/** Every published batch's budget (committed / paid / remaining) from its funding policy. */
export function useBudgets() {
  const batches = useAllBatches();
  const published = (batches.data ?? []).filter((b) => b.status === 'Published');
  const policies = useQueries({
    queries: published.map((b) => ({ queryKey: policyKeys.ofBatch(b.id), queryFn: () => policyOrNull(b.id) })),
  });
  return { batches, rows: published.map((b, i) => ({ batch: b, policy: policies[i]?.data ?? null, pending: policies[i]?.isPending })) };
}
