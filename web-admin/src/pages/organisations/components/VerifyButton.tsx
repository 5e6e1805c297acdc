import { App, Button, Popconfirm } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, type Schemas } from '../../../api/client';
import { useI18n, useT } from '../../../i18n';
import { problemText } from '../../../lib/errors';
import { organisationKeys } from '../../../lib/organisations';
import { useVerifyOrganisation } from '../queries';

/** 核验: the task force confirms the record against the licence; sent with the version the list showed. */
export function VerifyButton({ organisation: o }: { organisation: Schemas['Organisation'] }) {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const fail = async (e: unknown) => {
    if (!(e instanceof ApiError && e.status === 412)) {
      message.error(problemText(e, locale, t));
      return;
    }
    message.warning(t('organisation.stale'));
    await queryClient.invalidateQueries({ queryKey: organisationKeys.all });
  };
  const verify = useVerifyOrganisation(o, { success: t('organisation.verify.done') });
  return (
    <Popconfirm title={t('organisation.verify.confirm', { name: o.name })} okText={t('organisation.verify')} cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': `verify-confirm-${o.id}` } as React.ComponentProps<typeof Button>}
      onConfirm={() => verify.mutateAsync(undefined).catch(fail)}>
      <Button size="small" type="link" loading={verify.isPending} data-testid={`verify-${o.id}`}>{t('organisation.verify')}</Button>
    </Popconfirm>
  );
}
