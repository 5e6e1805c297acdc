import { useQuery } from '@tanstack/react-query';
import { api, unwrap, etag, type Schemas } from '../../api/client';
import { useAction, type ActionOptions } from '../../lib/hooks';

/** The signed-in expert's assignments and profile. */
export const assignmentKeys = {
  mine: ['my-assignments'] as const,
  detail: (id: string) => ['assignment', id] as const,
  myExpert: ['my-expert'] as const,
};

export function useMyAssignments() {
  return useQuery({ queryKey: assignmentKeys.mine, queryFn: () => unwrap(api.GET('/api/v1/review/me/assignments')) });
}

export function useAssignment(id: string) {
  return useQuery({ queryKey: assignmentKeys.detail(id), queryFn: () => unwrap(api.GET('/api/v1/review/assignments/{id}', { params: { path: { id } } })) });
}

export function useMyExpert() {
  return useQuery({ queryKey: assignmentKeys.myExpert, queryFn: () => unwrap(api.GET('/api/v1/review/me/expert')) });
}

/** The expert's own declared organisation conflicts (the person conflicts are kept). */
export function useSaveMyConflicts(me: ReturnType<typeof useMyExpert>, conflicts: string[], options: ActionOptions = {}) {
  return useAction(
    () => unwrap(api.PUT('/api/v1/review/me/expert/conflicts', { params: { header: { 'If-Match': etag(me.data!.version) } }, body: { declaredConflicts: conflicts, declaredPersonConflicts: me.data!.declaredPersonConflicts ?? [] } })),
    { ...options, invalidate: [assignmentKeys.myExpert] },
  );
}

/** Saves the scores as a draft. */
export function useSaveScore(a: Schemas['ReviewAssignment'], version: number, body: () => Schemas['SaveScoreRequest'], options: ActionOptions<Schemas['ReviewAssignment']> = {}) {
  return useAction(
    () => unwrap(api.PUT('/api/v1/review/assignments/{id}/score', { params: { path: { id: a.id }, header: { 'If-Match': etag(version) } }, body: body() })),
    options,
  );
}

/** Saves the scores, then submits them. */
export function useSubmitScore(a: Schemas['ReviewAssignment'], version: number, body: () => Schemas['SaveScoreRequest'], options: ActionOptions = {}) {
  return useAction(
    async () => {
      const saved = await unwrap(api.PUT('/api/v1/review/assignments/{id}/score', { params: { path: { id: a.id }, header: { 'If-Match': etag(version) } }, body: body() }));
      return unwrap(api.POST('/api/v1/review/assignments/{id}/submit', { params: { path: { id: a.id }, header: { 'If-Match': etag(saved.version) } } }));
    },
    { ...options, invalidate: [assignmentKeys.detail(a.id), assignmentKeys.mine] },
  );
}

export function useDeclineAssignment(assignment: Schemas['ReviewAssignment'], options: ActionOptions = {}) {
  return useAction(
    (body: Schemas['DeclineAssignmentRequest']) => unwrap(api.POST('/api/v1/review/assignments/{id}/decline', { params: { path: { id: assignment.id } }, body })),
    { ...options, invalidate: [assignmentKeys.mine] },
  );
}
