import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App } from 'antd';
import { useT } from '../i18n';

/** What a page adds to a write defined in an area's queries.ts: its success message and what to do next. */
export interface ActionOptions<TResult = unknown> {
  success?: string;
  onSuccess?: (result: TResult) => void;
}

/**
 * A write through the API: on success a message and the given queries refreshed; the error stays on the mutation
 * so the form can show it next to its fields.
 */
export function useAction<TVars, TResult>(
  fn: (vars: TVars) => Promise<TResult>,
  options: { success?: string; invalidate?: QueryKey[]; onSuccess?: (result: TResult, vars: TVars) => void } = {},
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const t = useT();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result, vars) => {
      message.success(options.success ?? t('common.saved'));
      await Promise.all((options.invalidate ?? []).map((key) => queryClient.invalidateQueries({ queryKey: key })));
      options.onSuccess?.(result, vars);
    },
  });
}
