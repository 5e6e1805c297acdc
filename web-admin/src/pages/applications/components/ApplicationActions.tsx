import { App, Button, Space } from 'antd';
import { useNavigate } from 'react-router';
import { api, unwrap, etag, type Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { useAction } from '../../../lib/hooks';
import { unconfirmedMembers, useActsForLead } from './Consortium';
import { errorText } from '../../../lib/errors';
import { applicationKeys } from '../queries';

export function ApplicationActions({ application: a }: { application: Schemas['ApplicationDetail'] }) {
  const t = useT();
  const forLead = useActsForLead(a);
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const open = new Date(a.closesAt).getTime() > Date.now();
  const submit = useAction(
    () => unwrap(api.POST('/api/v1/applications/{id}/submit', { params: { path: { id: a.id }, header: { 'If-Match': etag(a.version) } }, body: {} })),
    { success: t('application.submitted'), invalidate: [applicationKeys.detail(a.id), applicationKeys.all] },
  );
  const withdraw = useAction(
    () => unwrap(api.POST('/api/v1/applications/{id}/withdraw', { params: { path: { id: a.id }, header: { 'If-Match': etag(a.version) } }, body: {} })),
    { invalidate: [applicationKeys.detail(a.id), applicationKeys.all] },
  );
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
