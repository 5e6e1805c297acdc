import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n';

export const fieldKeys = { all: ['fields'] as const };

/** The challenge fields (领域) with names in the current language. */
export function useFieldOptions() {
  const { locale } = useI18n();
  const fields = useQuery({ queryKey: fieldKeys.all, staleTime: Infinity, queryFn: () => unwrap(api.GET('/api/v1/challenge-fields')) });
  return (fields.data ?? []).map((f) => ({ value: f.code, label: locale === 'zh-CN' ? f.nameZh : f.nameEn }));
}
