import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n';

/** The challenge fields (领域) with names in the current language. */
export function useFieldOptions() {
  const { locale } = useI18n();
  const fields = useQuery({ queryKey: ['fields'], staleTime: Infinity, queryFn: () => unwrap(api.GET('/api/v1/challenge-fields')) });
  return (fields.data ?? []).map((f) => ({ value: f.code, label: locale === 'zh-CN' ? f.nameZh : f.nameEn }));
}

export function useBatchOptions() {
  const batches = useQuery({ queryKey: ['batches', 'all'], queryFn: () => unwrap(api.GET('/api/v1/batches')) });
  return { batches: batches.data ?? [], options: (batches.data ?? []).map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` })) };
}
