import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

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
