import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, etag, unwrap } from '../../api/client';

export const apiKeyKeys = { all: ['api-keys'] as const };

const fetchKeys = () => unwrap(api.GET('/api/v1/api-keys'));
export type ApiKeyItem = Awaited<ReturnType<typeof fetchKeys>>[number];

/** District portals' API keys (task force and auditors). */
export function useApiKeys() {
  return useQuery({ queryKey: apiKeyKeys.all, queryFn: fetchKeys });
}

function useKeyWrite<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }) });
}

/** A new key; the answer carries the key itself, which is never shown again. */
export function useCreateApiKey() {
  return useKeyWrite((body: { name: string; districtCode: string }) => unwrap(api.POST('/api/v1/api-keys', { body })));
}

export function useRevokeApiKey() {
  return useKeyWrite((k: ApiKeyItem) =>
    unwrap(api.POST('/api/v1/api-keys/{id}/revoke', { params: { path: { id: k.id }, header: { 'If-Match': etag(k.version) } } })));
}

/** A new key for the same name and district; the old one is revoked. */
export function useRotateApiKey() {
  return useKeyWrite((k: ApiKeyItem) =>
    unwrap(api.POST('/api/v1/api-keys/{id}/rotate', { params: { path: { id: k.id }, header: { 'If-Match': etag(k.version) } } })));
}

export type CreatedKey = Awaited<ReturnType<ReturnType<typeof useCreateApiKey>['mutateAsync']>>;
