import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const expertKeys = {
  all: ['experts'] as const,
};

/** The expert pool; `enabled` false leaves it unasked until needed. */
export function useExperts(enabled = true) {
  return useQuery({ queryKey: expertKeys.all, enabled, queryFn: () => unwrap(api.GET('/api/v1/review/experts')) });
}
