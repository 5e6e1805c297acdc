import { useQuery, useMutation } from '@tanstack/react-query';
import { api, unwrap, etag, type Schemas } from '../../api/client';
import { useAction, type ActionOptions } from '../../lib/hooks';
import type { Dayjs } from 'dayjs';
import { challengeKeys } from '../challenges/queries';
import type { JobStart } from '../../jobs/jobs';

export const programmeKeys = {
  all: ['programmes'] as const,
};

/** `all` is the prefix of every batch list; a batch's own page reads `detail`. */
export const batchKeys = {
  all: ['batches'] as const,
  everything: () => ['batches', 'all'] as const,
  ofProgramme: (programmeId: string) => ['batches', programmeId] as const,
  detail: (id: string) => ['batch', id] as const,
};

export function useProgrammes() {
  return useQuery({ queryKey: programmeKeys.all, queryFn: () => unwrap(api.GET('/api/v1/programmes')) });
}

export function useProgrammeBatches(programmeId: string) {
  return useQuery({
    queryKey: batchKeys.ofProgramme(programmeId),
    queryFn: () => unwrap(api.GET('/api/v1/batches', { params: { query: { programme: programmeId } } })),
  });
}

/** Every batch of every programme. */
export function useAllBatches() {
  return useQuery({ queryKey: batchKeys.everything(), queryFn: () => unwrap(api.GET('/api/v1/batches')) });
}

export function useBatchOptions() {
  const batches = useAllBatches();
  return { batches: batches.data ?? [], options: (batches.data ?? []).map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` })) };
}

export function useBatch(id: string) {
  return useQuery({ queryKey: batchKeys.detail(id), queryFn: () => unwrap(api.GET('/api/v1/batches/{id}', { params: { path: { id } } })) });
}

export function usePublishBatch(batch: Schemas['Batch'], options: ActionOptions = {}) {
  return useAction(
    () => unwrap(api.POST('/api/v1/batches/{id}/publish', { params: { path: { id: batch.id }, header: { 'If-Match': etag(batch.version) } } })),
    { ...options, invalidate: [batchKeys.detail(batch.id), batchKeys.all, challengeKeys.all] },
  );
}

/** The batch's name, note and application window (while a draft). */
export function useUpdateBatch(batch: Schemas['Batch'], options: ActionOptions = {}) {
  return useAction(
    (v: { name: string; nameEn?: string; note?: string; window: [Dayjs, Dayjs] }) =>
      unwrap(api.PUT('/api/v1/batches/{id}', {
        params: { path: { id: batch.id }, header: { 'If-Match': etag(batch.version) } },
        body: { name: v.name, nameEn: v.nameEn, note: v.note, opensOn: v.window[0].format('YYYY-MM-DD'), closesOn: v.window[1].format('YYYY-MM-DD') },
      })),
    { ...options, invalidate: [batchKeys.detail(batch.id), batchKeys.all] },
  );
}

export function useCreateProgramme(options: ActionOptions = {}) {
  return useAction(
    (body: Schemas['CreateProgrammeRequest']) => unwrap(api.POST('/api/v1/programmes', { body })),
    { ...options, invalidate: [programmeKeys.all] },
  );
}

export function useCreateBatch(programmeId: string, options: ActionOptions = {}) {
  return useAction(
    (body: Schemas['CreateBatchRequest']) => unwrap(api.POST('/api/v1/programmes/{programmeId}/batches', { params: { path: { programmeId } }, body })),
    { ...options, invalidate: [batchKeys.ofProgramme(programmeId)] },
  );
}

/** Starts the batch's formal eligibility check as a background job. */
export function useStartEligibilityCheck(batchId: string, options: JobStart = {}) {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/batches/{batchId}/eligibility-check-jobs', { params: { path: { batchId } } })), ...options });
}
