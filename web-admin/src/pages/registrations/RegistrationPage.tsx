import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Modal, Row, Space } from 'antd';
import { useParams } from 'react-router';
import { useI18n, useT } from '../../i18n';
import { useIsTaskForce } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { ProblemNotice, QueryState } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../lib/format';
import { problemMessage, showProblem } from '../../lib/errors';
import { LicenceViewer } from './components/LicenceViewer';
import { useApproveRegistration, useRegistration, useRejectRegistration, type RegistrationDetail } from './queries';

/** One registration: the unit, the administrator, the licence, what approval will do; approve or reject. */
export function RegistrationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const query = useRegistration(id);
  return (
    <QueryState query={query} codeless>
      {(r) => (
        <>
          <PageHeader title={r.name} crumbs={[{ to: '/registrations', label: t('menu.registrations') }]} sub={<StatusTag kind="registration" value={r.status} />}
            extra={<ReviewActions registration={r} />} />
          <Row gutter={16}>
            <Col xs={24} xl={11}>
              <ReviewNotes registration={r} />
              <Card title={t('registration.unit')} style={{ marginBottom: 16 }}>
                <Descriptions column={1} size="small" items={[
                  { label: t('organisation.creditCode'), children: <code>{r.creditCode}</code> },
                  { label: t('organisation.type'), children: t(`orgType.${r.orgType as 'Enterprise'}`) },
                  { label: t('registration.legalRepresentative'), children: r.legalRepresentative },
                  { label: t('registration.submittedAt'), children: formatDateTime(r.submittedAt) },
                  ...(r.reviewedAt ? [{ label: t('registration.reviewedAt'), children: `${formatDateTime(r.reviewedAt)}${r.reviewedBy ? ` · ${r.reviewedBy}` : ''}` }] : []),
                  ...(r.rejectionReason ? [{ label: t('registration.rejectionReason'), children: r.rejectionReason }] : []),
                ]} />
              </Card>
              <Card title={t('registration.admin')} style={{ marginBottom: 16 }}>
                <Descriptions column={1} size="small" items={[
                  { label: t('registration.adminDisplayName'), children: r.adminDisplayName },
                  { label: t('login.userName'), children: <code>{r.adminUserName}</code> },
                  { label: t('user.mobile'), children: r.adminMobile },
                  { label: t('user.email'), children: r.adminEmail },
                ]} />
              </Card>
            </Col>
            <Col xs={24} xl={13}>
              <Card title={t('registration.licence')}><LicenceViewer registration={r} /></Card>
            </Col>
          </Row>
        </>
      )}
    </QueryState>
  );
}

/** What approval will meet: a taken user name (approval is refused), an organisation already in the registry (linked). */
function ReviewNotes({ registration: r }: { registration: RegistrationDetail }) {
  const t = useT();
  if (r.status !== 'Pending') return null;
  return (
    <>
      {r.userNameTaken && <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="user-name-taken"
        title={t('registration.userNameTaken', { userName: r.adminUserName })} />}
      {r.existingOrganisation && <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="existing-organisation"
        title={t('registration.existingOrganisation', { name: r.existingOrganisation.name })}
        description={t(r.existingOrganisation.verified ? 'registration.existingVerified' : 'registration.existingUnverified')} />}
      {!r.existingOrganisation && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('registration.newOrganisation')} />}
    </>
  );
}

function ReviewActions({ registration: r }: { registration: RegistrationDetail }) {
  const t = useT();
  const { locale } = useI18n();
  const { message, modal } = App.useApp();
  const taskForce = useIsTaskForce();
  const approve = useApproveRegistration(r);
  const [rejecting, setRejecting] = useState(false);
  if (!taskForce || r.status !== 'Pending') return null;
  return (
    <Space>
      <Button type="primary" data-testid="approve-registration" loading={approve.isPending}
        onClick={() => modal.confirm({
          title: t('registration.approveConfirm', { name: r.name }),
          content: t('registration.approveHint', { userName: r.adminUserName }),
          onOk: () => approve.mutateAsync(undefined).then(
            () => { message.success(t('registration.approved')); },
            (e) => { message.error(problemMessage(e, locale, t)); },
          ),
        })}>{t('registration.approve')}</Button>
      <Button danger data-testid="reject-registration" onClick={() => setRejecting(true)}>{t('registration.reject')}</Button>
      {rejecting && <RejectModal registration={r} onClose={() => setRejecting(false)} />}
    </Space>
  );
}

function RejectModal({ registration, onClose }: { registration: RegistrationDetail; onClose: () => void }) {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [notice, setNotice] = useState<string | null>(null);
  const reject = useRejectRegistration(registration);
  return (
    <Modal open title={t('registration.reject')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={reject.isPending}>
      <ProblemNotice error={null} message={notice} />
      <Form form={form} layout="vertical" onFinish={(v) => reject.mutate(v.reason.trim(), {
        onSuccess: () => { message.success(t('registration.rejected')); onClose(); },
        onError: (e) => setNotice(showProblem(form, e, locale, t)),
      })}>
        <Form.Item name="reason" label={t('registration.rejectionReason')} extra={t('registration.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }, { max: 500 }]}>
          <Input.TextArea rows={4} maxLength={500} showCount data-testid="reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
