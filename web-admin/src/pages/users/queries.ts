import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, etag, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export const userKeys = {
  all: ['users'] as const,
  list: (filter: UserFilter) => ['users', 'list', filter] as const,
};

export interface UserFilter {
  q?: string;
  role?: string;
  organisationId?: string;
  active?: boolean;
  page: number;
}

const fetchUsers = (filter: UserFilter) =>
  unwrap(api.GET('/api/v1/users', { params: { query: { ...filter, pageSize: 20 } } }));

export type UserItem = Awaited<ReturnType<typeof fetchUsers>>['items'][number];
export type CreateUserBody = NonNullable<paths['/api/v1/users']['post']['requestBody']>['content']['application/json'];
export type ChangeRoleBody = NonNullable<paths['/api/v1/users/{id}/role']['put']['requestBody']>['content']['application/json'];

/** Users the caller may see: every account for the task force and auditors, its own organisation's for a unit administrator. */
export function useUsers(filter: UserFilter) {
  return useQuery({ queryKey: userKeys.list(filter), placeholderData: keepPreviousData, queryFn: () => fetchUsers(filter) });
}

/** A write on users; success refreshes every user list, the error stays on the mutation for the form or the toast. */
function useUserWrite<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }) });
}

export function useCreateUser() {
  return useUserWrite((body: CreateUserBody) => unwrap(api.POST('/api/v1/users', { body })));
}

export function useSetUserActive() {
  return useUserWrite(({ user, active }: { user: UserItem; active: boolean }) => {
    const options = { params: { path: { id: user.id }, header: { 'If-Match': etag(user.version) } } };
    return unwrap(active ? api.POST('/api/v1/users/{id}/reactivate', options) : api.POST('/api/v1/users/{id}/deactivate', options));
  });
}

export function useChangeRole(user: UserItem) {
  return useUserWrite((body: ChangeRoleBody) =>
    unwrap(api.PUT('/api/v1/users/{id}/role', { params: { path: { id: user.id }, header: { 'If-Match': etag(user.version) } }, body })));
}

export function useResetUserPassword(user: UserItem) {
  return useUserWrite((newPassword: string) =>
    unwrap(api.POST('/api/v1/users/{id}/password', { params: { path: { id: user.id }, header: { 'If-Match': etag(user.version) } }, body: { newPassword } })));
}
