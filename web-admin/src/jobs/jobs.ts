import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';

export type Job = Schemas['JobView'];

export const MINE: readonly unknown[] = ['jobs', 'mine'];

export const isActive = (job: Pick<Job, 'status'>) => job.status === 'Queued' || job.status === 'Running';

/** The result summary of a finished job; its shape depends on the kind (docs/portal-developers.md, Background jobs). */
export const resultOf = (job: Job) => (job.result ?? {}) as Record<string, unknown>;

/**
 * The caller's recent jobs. Mounted by the header indicator, so it keeps polling whatever page is shown: every second
 * while a job is queued or running, every 15 s otherwise.
 */
export function useMyJobs() {
  return useQuery({
    queryKey: MINE,
    queryFn: () => unwrap(api.GET('/api/v1/jobs', { params: { query: { mine: true, take: 20 } } })),
    refetchInterval: (query) => (query.state.data?.some(isActive) ? 1000 : 15_000),
    refetchIntervalInBackground: true,
  });
}

/** One job, polled until it has finished. */
export function useJob(id: string | undefined) {
  return useQuery({
    queryKey: ['jobs', id],
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id: id! } } })),
    refetchInterval: (query) => (query.state.data && !isActive(query.state.data) ? false : 700),
  });
}

/**
 * The job of one action on one page: the one started here, or the caller's job of that kind and target still running
 * when the page opens (so coming back to a page shows the job's progress again). `onDone` runs once when a job seen
 * running here finishes.
 */
export function usePageJob(kind: string, targetEndsWith: string, onDone?: (job: Job) => void) {
  const queryClient = useQueryClient();
  const mine = useMyJobs();
  const [startedId, setStartedId] = useState<string>();
  const running = mine.data?.find((j) => j.kind === kind && j.target.endsWith(targetEndsWith) && isActive(j));
  const id = startedId ?? running?.id;
  const job = useJob(id);
  const seen = useRef(new Set<string>());
  const done = useRef(new Set<string>());
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;
  useEffect(() => {
    const current = job.data;
    if (!current) return;
    if (isActive(current)) {
      seen.current.add(current.id);
    } else if (seen.current.has(current.id) && !done.current.has(current.id)) {
      done.current.add(current.id);
      void queryClient.invalidateQueries({ queryKey: MINE });
      onDoneRef.current?.(current);
    }
  }, [job.data, queryClient]);
  return {
    job: job.data,
    /** Follows a job just started (the 202's body). */
    track: (started: Job) => {
      seen.current.add(started.id);
      queryClient.setQueryData(['jobs', started.id], started);
      setStartedId(started.id);
      void queryClient.invalidateQueries({ queryKey: MINE });
    },
  };
}
