import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';

export type AuditQuery = NonNullable<operations['Audit_List']['parameters']['query']>;

export const auditKeys = {
  list: (query: AuditQuery) => ['audit', query] as const,
};

export function useAuditLog(query: AuditQuery) {
  return useQuery({ queryKey: auditKeys.list(query), placeholderData: keepPreviousData, queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query } })) });
}
