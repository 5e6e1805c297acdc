import { App, Button, Space } from 'antd';
import { useNavigate } from 'react-router';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { unconfirmedMembers, useActsForLead } from './Consortium';
import { errorText } from '../../../lib/errors';
import { useSubmitApplication, useWithdrawApplication } from '../queries';

export function ApplicationActions({ application: a }: { application: Schemas['ApplicationDetail'] }) {
  const t = useT();
  const forLead = useActsForLead(a);
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const open = new Date(a.closesAt).getTime() > Date.now();
  const submit = useSubmitApplication(a, { success: t('application.submitted') });
  const withdraw = useWithdrawApplication(a);
  if (!forLead || !open) return null;
  return (
    <Space>
      {submit.error != null && <ProblemAlert error={submit.error} />}
      {(a.status === 'Draft' || a.status === 'Submitted') && <Button onClick={() => navigate(`/applications/${a.id}/edit`)}>{t('common.edit')}</Button>}
      {(a.status === 'Draft' || a.status === 'Submitted') && (
        <Button type="primary" loading={submit.isPending} onClick={() => submit.mutate(undefined)} data-testid="submit-application"
          disabled={unconfirmedMembers(a).length > 0} title={unconfirmedMembers(a).length > 0 ? t('consortium.blocked') : undefined}>
          {a.status === 'Draft' ? t('application.submit') : t('application.resubmit')}
        </Button>
      )}
      {a.status === 'Submitted' && (
        <Button danger onClick={() => modal.confirm({ title: t('application.withdrawConfirm'), onOk: () => withdraw.mutateAsync(undefined).catch((e) => message.error(errorText(e))) })}>
          {t('application.withdraw')}
        </Button>
      )}
    </Space>
  );
}
