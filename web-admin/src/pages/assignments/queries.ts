import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

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
