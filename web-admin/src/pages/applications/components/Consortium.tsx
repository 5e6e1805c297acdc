import { useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { Schemas } from '../../../api/client';
import { useI18n, useT } from '../../../i18n';
import { useSessionUser } from '../../../auth/useSession';
import { bpText, formatDateTime } from '../../../lib/format';
import { problemText } from '../../../lib/errors';
import { useConfirmParticipation, useWithdrawConfirmation } from '../queries';

type Application = Schemas['ApplicationDetail'];
type Member = Schemas['MemberView'];

/** The members other than the lead that have not confirmed their current role and share (联合申报协议). */
export function unconfirmedMembers(a: Application): Member[] {
  return a.members.filter((m) => m.confirmationRequired && !m.confirmedAt);
}

/** The caller's own member row, when it is a member other than the lead (it confirms for itself). */
export function ownMembership(a: Application, organisationId: string | null | undefined): Member | undefined {
  return organisationId ? a.members.find((m) => m.confirmationRequired && m.organisationId === organisationId) : undefined;
}

/** Whether the signed-in user acts for the lead (only the lead's users edit, submit, withdraw and attach; members confirm). */
export function useActsForLead(a: Application): boolean {
  const user = useSessionUser();
  return user?.role === 'Applicant' && user.organisationId === a.leadOrganisationId;
}

/** The consortium with each member's confirmation; a member's own user confirms or withdraws here. */
export function ConsortiumCard({ a }: { a: Application }) {
  const t = useT();
  const user = useSessionUser();
  const own = user?.role === 'Applicant' ? ownMembership(a, user.organisationId) : undefined;
  const open = new Date(a.closesAt).getTime() > Date.now() && (a.status === 'Draft' || a.status === 'Submitted');
  return (
    <Card title={t('application.consortium')} style={{ marginBottom: 16 }} extra={own && open && <ConfirmationActions a={a} member={own} />}>
      <Table<Member> rowKey="organisationId" size="small" pagination={false} dataSource={a.members} data-testid="consortium"
        columns={[
          { title: t('application.organisation'), dataIndex: 'organisationName' },
          { title: t('application.role'), dataIndex: 'role', render: (v: Schemas['ConsortiumRole']) => t(`consortium.${v}`) },
          { title: t('application.share'), dataIndex: 'budgetShareBp', render: (v) => bpText(v) },
          { title: t('application.responsibility'), dataIndex: 'responsibility' },
          { title: t('consortium.confirmation'), key: 'confirmation', render: (_, m) => <ConfirmationState m={m} /> },
        ]} />
    </Card>
  );
}

function ConfirmationState({ m }: { m: Member }) {
  const t = useT();
  if (!m.confirmationRequired) return <Typography.Text type="secondary">{t('consortium.leadNoConfirmation')}</Typography.Text>;
  if (!m.confirmedAt) return <Tag color="orange" data-testid={`confirmation-${m.organisationId}`}>{t('consortium.pending')}</Tag>;
  return (
    <Space data-testid={`confirmation-${m.organisationId}`}>
      <Tag color="green">{t('consortium.confirmed')}</Tag>
      <Typography.Text type="secondary">
        {t('consortium.confirmedBy', { by: m.confirmedByDistrict ? t('consortium.byDistrict', { code: m.confirmedByDistrict }) : (m.confirmedBy ?? ''), at: formatDateTime(m.confirmedAt) })}
      </Typography.Text>
    </Space>
  );
}

function ConfirmationActions({ a, member }: { a: Application; member: Member }) {
  const t = useT();
  const { locale } = useI18n();
  const { message, modal } = App.useApp();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const confirm = useConfirmParticipation(a, { success: t('consortium.confirmDone') });
  const withdraw = useWithdrawConfirmation(a, reason, { success: t('consortium.withdrawDone'), onSuccess: () => setWithdrawing(false) });
  const fail = (e: unknown) => message.error(problemText(e, locale, t));
  if (!member.confirmedAt) {
    return (
      <Button type="primary" loading={confirm.isPending} data-testid="confirm-participation"
        onClick={() => modal.confirm({
          title: t('consortium.confirmTitle'),
          content: t('consortium.confirmBody', { lead: a.leadOrganisationName, role: t(`consortium.${member.role}`), share: bpText(member.budgetShareBp) }),
          okText: t('consortium.confirm'),
          onOk: () => confirm.mutateAsync(undefined).catch(fail),
        })}>
        {t('consortium.confirm')}
      </Button>
    );
  }
  return (
    <>
      <Button danger data-testid="withdraw-confirmation" onClick={() => setWithdrawing(true)}>{t('consortium.withdraw')}</Button>
      <Modal open={withdrawing} title={t('consortium.withdrawTitle')} okText={t('consortium.withdraw')} okButtonProps={{ danger: true }}
        confirmLoading={withdraw.isPending} onCancel={() => setWithdrawing(false)} onOk={() => withdraw.mutateAsync(undefined).catch(fail)}>
        {a.status === 'Submitted' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('consortium.withdrawSubmitted')} />}
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('consortium.withdrawReason')} data-testid="withdraw-reason" />
      </Modal>
    </>
  );
}

/** For the lead: which members have not confirmed yet, so why submission is blocked. */
export function UnconfirmedNotice({ a }: { a: Application }) {
  const t = useT();
  const missing = unconfirmedMembers(a);
  if (missing.length === 0 || (a.status !== 'Draft' && a.status !== 'Submitted')) return null;
  return (
    <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="unconfirmed-notice"
      title={t('consortium.blocked')}
      description={t('consortium.blockedDetail', { names: missing.map((m) => m.organisationName).join('、') })} />
  );
}
