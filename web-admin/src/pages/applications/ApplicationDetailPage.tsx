import { useState } from 'react';
import { App, Button, Card, Collapse, Descriptions, Form, Input, Modal, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, Link } from 'react-router';
import { api, unwrap, etag, download, type Schemas } from '../../api/client';
import { useI18n, useT } from '../../i18n';
import { useRole } from '../../auth/useSession';
import { AttachmentUpload, multipart } from '../../components/AttachmentUpload';
import { PageHeader } from '../../components/PageHeader';
import { QueryState, ProblemAlert, applyFieldErrors } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { Money } from '../../components/Money';
import { useAction } from '../../lib/hooks';
import { formatDateTime } from '../../lib/format';
import { errorText } from '../programmes/BatchPage';
import { EligibilityBadge } from '.';
import { ConsortiumCard, UnconfirmedNotice, unconfirmedMembers, useActsForLead } from './components/Consortium';

export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const application = useQuery({ queryKey: ['application', id], queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })) });
  return (
    <QueryState query={application}>
      {(a) => (
        <>
          <PageHeader
            crumbs={[{ to: '/applications', label: t('menu.applications') }]}
            title={<Space>{a.code}{a.isDemo && <Tag color="gold">{t('common.demo')}</Tag>}</Space>}
            sub={<Space><StatusTag kind="application" value={a.status} />{a.status !== a.eligibility && <EligibilityBadge value={a.eligibility} />}
              <Link to={`/challenges/${a.challengeId}`}>{a.challengeCode} · {a.challengeTitle}</Link></Space>}
            extra={<ApplicationActions application={a} />}
          />
          <Tabs
            items={[
              { key: 'overview', label: t('application.overview'), children: <Overview a={a} /> },
              { key: 'eligibility', label: t('application.formalCheck'), children: <EligibilityPanel a={a} /> },
              { key: 'attachments', label: t('application.attachments', { n: a.attachments.length }), children: <Attachments a={a} /> },
              { key: 'versions', label: t('application.versions'), children: <Versions id={a.id} /> },
            ]}
          />
        </>
      )}
    </QueryState>
  );
}

function Overview({ a }: { a: Schemas['ApplicationDetail'] }) {
  const t = useT();
  return (
    <>
      <UnconfirmedNotice a={a} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('application.lead')}>{a.leadOrganisationName}</Descriptions.Item>
          <Descriptions.Item label={t('application.ownInvestment')}><Money fen={a.ownInvestmentFen} /></Descriptions.Item>
          <Descriptions.Item label={t('application.submittedAt')}>{formatDateTime(a.submittedAt)}（v{a.submittedVersion}）</Descriptions.Item>
          <Descriptions.Item label={t('batch.closesAt')}>{formatDateTime(a.closesAt)}</Descriptions.Item>
          <Descriptions.Item label={t('application.technicalApproach')} span={2}><div style={{ whiteSpace: 'pre-wrap' }}>{a.technicalApproach}</div></Descriptions.Item>
          <Descriptions.Item label={t('application.declarations')} span={2}>
            <Space>
              {(['firstCooperation', 'noBadCreditRecord', 'ipProtection'] as const).map((k) => (
                <Tag key={k} color={a.declarations[k] ? 'green' : 'red'}>{t(`declaration.${k}`)}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <ConsortiumCard a={a} />
      <Card title={t('application.team')} style={{ marginBottom: 16 }}>
        <Table<Schemas['TeamMember']> rowKey={(r) => r.name + r.role} size="small" pagination={false} dataSource={a.team}
          columns={[
            { title: t('team.name'), dataIndex: 'name' },
            { title: t('team.title'), dataIndex: 'title' },
            { title: t('team.role'), dataIndex: 'role' },
          ]} />
      </Card>
      <Card title={t('application.indicatorResponses')} style={{ marginBottom: 16 }}>
        <Table<Schemas['IndicatorResponse']> rowKey="indicatorId" size="small" pagination={false} dataSource={a.indicatorResponses}
          columns={[
            { title: '#', render: (_, __, i) => i + 1, width: 50 },
            { title: t('indicator.committed'), dataIndex: 'committedValue' },
            { title: t('common.note'), dataIndex: 'note' },
          ]} />
      </Card>
      <Card title={t('application.milestones')}>
        <Table<Schemas['Milestone']> rowKey="name" size="small" pagination={false} dataSource={a.milestones}
          columns={[
            { title: t('milestone.name'), dataIndex: 'name' },
            { title: t('milestone.dueMonth'), dataIndex: 'dueMonth' },
            { title: t('milestone.deliverable'), dataIndex: 'deliverable' },
          ]} />
      </Card>
    </>
  );
}

function EligibilityPanel({ a }: { a: Schemas['ApplicationDetail'] }) {
  const t = useT();
  const { locale } = useI18n();
  const role = useRole();
  const [overriding, setOverriding] = useState(false);
  if (!a.eligibility) return <Typography.Paragraph>{t('application.notChecked')}</Typography.Paragraph>;
  return (
    <Card
      title={<Space>{t('application.formalCheck')}<EligibilityBadge value={a.eligibility} /><Typography.Text type="secondary">{formatDateTime(a.eligibilityCheckedAt)}</Typography.Text></Space>}
      extra={role === 'TaskForce' && <Button onClick={() => setOverriding(true)} data-testid="override">{t('application.override')}</Button>}
    >
      {a.eligibilityOverrideReason && <Typography.Paragraph type="warning">{t('application.overrideReason')}：{a.eligibilityOverrideReason}</Typography.Paragraph>}
      <Table<Schemas['RuleResultView']> rowKey={(r) => r.code + (r.organisationId ?? '')} size="small" pagination={false} dataSource={a.eligibilityResults ?? []}
        columns={[
          { title: '', dataIndex: 'passed', width: 40, render: (v) => (v ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />) },
          { title: t('application.rule'), dataIndex: 'code', width: 280, render: (v) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('application.ruleMessage'), render: (_, r) => (locale === 'zh-CN' ? r.messageZh : r.messageEn) },
        ]} />
      {overriding && <OverrideModal a={a} onClose={() => setOverriding(false)} />}
    </Card>
  );
}

function OverrideModal({ a, onClose }: { a: Schemas['ApplicationDetail']; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Schemas['OverrideEligibilityRequest']>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useAction(
    (body: Schemas['OverrideEligibilityRequest']) =>
      unwrap(api.POST('/api/v1/applications/{id}/eligibility-override', { params: { path: { id: a.id }, header: { 'If-Match': etag(a.version) } }, body })),
    { invalidate: [['application', a.id], ['applications']], onSuccess: onClose },
  );
  return (
    <Modal open title={t('application.override')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={{ outcome: a.eligibility === 'Eligible' ? 'Ineligible' : 'Eligible' }}
        onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="outcome" label={t('application.outcome')}>
          <Radio.Group options={[{ value: 'Eligible', label: t('status.eligibility.Eligible') }, { value: 'Ineligible', label: t('status.eligibility.Ineligible') }]} />
        </Form.Item>
        <Form.Item name="reason" label={t('application.overrideReason')} rules={[{ required: true, message: t('common.reasonRequired') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Attachments({ a }: { a: Schemas['ApplicationDetail'] }) {
  const t = useT();
  const forLead = useActsForLead(a);
  const { message } = App.useApp();
  const open = new Date(a.closesAt).getTime() > Date.now();
  return (
    <>
    {forLead && open && (
      <AttachmentUpload testId="application-upload" invalidate={[['application', a.id]]}
        send={(file) => unwrap(api.POST('/api/v1/applications/{id}/attachments', { params: { path: { id: a.id } }, ...multipart<Schemas['AttachmentUpload']>(file) }))} />
    )}
    <Table<Schemas['AttachmentView']> rowKey="id" size="small" pagination={false} dataSource={a.attachments} locale={{ emptyText: t('application.noAttachments') }}
      columns={[
        { title: t('attachment.fileName'), dataIndex: 'fileName', render: (v, f) => (
          <a onClick={() => download(`/api/v1/applications/${a.id}/attachments/${f.id}`, f.fileName).catch((e) => message.error(errorText(e)))}>{v}</a>
        ) },
        { title: t('attachment.size'), dataIndex: 'sizeBytes', render: (v: number) => `${(v / 1024).toFixed(1)} KB` },
        { title: 'SHA-256', dataIndex: 'sha256', render: (v: string) => <Typography.Text code>{v.slice(0, 16)}…</Typography.Text> },
        { title: t('attachment.uploadedAt'), dataIndex: 'uploadedAt', render: (v) => formatDateTime(v) },
      ]} />
    </>
  );
}

function Versions({ id }: { id: string }) {
  const t = useT();
  const versions = useQuery({ queryKey: ['application', id, 'versions'], queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/versions', { params: { path: { id } } })) });
  return (
    <QueryState query={versions} isEmpty={(d) => d.length === 0} empty={t('application.noVersions')}>
      {(list) => (
        <Collapse items={list.map((v) => ({
          key: v.versionNo,
          label: t('application.versionLabel', { n: v.versionNo, at: formatDateTime(v.submittedAt), by: v.submittedBy }),
          children: <pre style={{ maxHeight: 320, overflow: 'auto', fontSize: 12 }}>{JSON.stringify(v.content, null, 2)}</pre>,
        }))} />
      )}
    </QueryState>
  );
}

function ApplicationActions({ application: a }: { application: Schemas['ApplicationDetail'] }) {
  const t = useT();
  const forLead = useActsForLead(a);
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const open = new Date(a.closesAt).getTime() > Date.now();
  const submit = useAction(
    () => unwrap(api.POST('/api/v1/applications/{id}/submit', { params: { path: { id: a.id }, header: { 'If-Match': etag(a.version) } }, body: {} })),
    { success: t('application.submitted'), invalidate: [['application', a.id], ['applications']] },
  );
  const withdraw = useAction(
    () => unwrap(api.POST('/api/v1/applications/{id}/withdraw', { params: { path: { id: a.id }, header: { 'If-Match': etag(a.version) } }, body: {} })),
    { invalidate: [['application', a.id], ['applications']] },
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
