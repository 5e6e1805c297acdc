import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap, download, type Schemas } from '../../api/client';
import { AttachmentUpload, multipart } from '../../components/AttachmentUpload';
import { useT } from '../../i18n';
import { useIsTaskForce, useRole, useSessionUser } from '../../auth/useSession';
import { mayUse } from '../../auth/roles';
import { PageHeader } from '../../components/PageHeader';
import { QueryState, ProblemAlert, applyFieldErrors } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { Money } from '../../components/Money';
import { useAction } from '../../lib/hooks';
import { bpText, formatDateTime, wanToFen } from '../../lib/format';
import { useOrganisationNames } from '../experts';
import { BudgetSummary } from '.';
import { AgreementActions } from './AgreementActions';
import { errorText } from '../programmes/BatchPage';

type Agreement = Schemas['AgreementDetail'];

/** Milestones are numbered from 0 by the API and from 1 for people. */
function milestoneName(a: Agreement, index: number): string {
  const m = a.milestones.find((x) => x.ordinal === index);
  return m ? `${index + 1}. ${m.name}` : String(index + 1);
}

function MilestoneSelect({ agreement: a, ...props }: { agreement: Agreement; value?: number; onChange?: (v: number) => void }) {
  return <Select {...props} style={{ width: 260 }} options={a.milestones.map((m) => ({ value: m.ordinal, label: milestoneName(a, m.ordinal) }))} />;
}

export function AgreementPage() {
  const { id = '' } = useParams();
  const t = useT();
  const agreement = useQuery({ queryKey: ['agreement', id], queryFn: () => unwrap(api.GET('/api/v1/agreements/{id}', { params: { path: { id } } })) });
  const orgs = useOrganisationNames();
  const canAct = useIsTaskForce();
  const role = useRole();
  const [dialog, setDialog] = useState<'progress' | 'pay' | null>(null);
  const back = mayUse('funding', role) ? { to: '/funding', label: t('menu.funding') } : { to: '/agreements', label: t('menu.agreements') };
  return (
    <QueryState query={agreement}>
      {(a) => (
        <>
          <PageHeader
            crumbs={[back]}
            title={<Space>{t('agreement.title')}<Tag>{a.code}</Tag></Space>}
            sub={<StatusTag kind="agreement" value={a.status} />}
            extra={
              <Space>
                {(role === 'TaskForce' || role === 'Issuer' || role === 'Applicant') && <Button onClick={() => setDialog('progress')} data-testid="report-progress">{t('progress.report')}</Button>}
                <ConfirmButton agreement={a} />
                {canAct && (
                  <Tooltip title={a.issuerConfirmedAt ? undefined : t('agreement.awaitingConfirmation')}>
                    <Button type="primary" disabled={!a.issuerConfirmedAt} onClick={() => setDialog('pay')} data-testid="pay-tranche">{t('tranche.pay')}</Button>
                  </Tooltip>
                )}
                <AgreementActions agreement={a} />
              </Space>
            }
          />
          {!a.issuerConfirmedAt && a.status === 'Active' && (
            <Alert style={{ marginBottom: 16 }} type="warning" showIcon title={t('agreement.awaitingConfirmation')} data-testid="awaiting-confirmation" />
          )}
          <Card style={{ marginBottom: 16 }}>
            <BudgetSummary committed={a.balances.committedFen} paid={a.balances.paidFen} total={a.balances.remainingFen} />
          </Card>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={3} size="small">
              <Descriptions.Item label={t('agreement.application')}><Link to={`/applications/${a.applicationId}`}>{t('common.open')}</Link></Descriptions.Item>
              <Descriptions.Item label={t('agreement.challenge')}><Link to={`/challenges/${a.challengeId}`}>{t('common.open')}</Link></Descriptions.Item>
              <Descriptions.Item label={t('agreement.period')}>{a.startsOn} ~ {a.endsOn}</Descriptions.Item>
              <Descriptions.Item label={t('agreement.issuerInvestment')}><Money fen={a.issuerInvestmentFen} /></Descriptions.Item>
              <Descriptions.Item label={t('agreement.applicantInvestment')}><Money fen={a.applicantInvestmentFen} /></Descriptions.Item>
              <Descriptions.Item label={t('agreement.jointInvestment')}><Money fen={a.jointInvestmentFen} /></Descriptions.Item>
              <Descriptions.Item label={t('funding.ratio')}>{bpText(a.ratioBp)}</Descriptions.Item>
              <Descriptions.Item label={t('funding.cap')}><Money fen={a.capFen} /></Descriptions.Item>
              <Descriptions.Item label={t('agreement.commitment')}><Money fen={a.commitmentFen} strong /></Descriptions.Item>
              <Descriptions.Item label={t('agreement.verifiedInvestment')}><Money fen={a.verifiedInvestmentFen} /></Descriptions.Item>
              <Descriptions.Item label={t('agreement.signedAt')}>{formatDateTime(a.signedAt)} · {a.signedBy}</Descriptions.Item>
              <Descriptions.Item label={t('agreement.issuerConfirmation')}>
                <span data-testid="issuer-confirmation">
                  {a.issuerConfirmedAt
                    ? <><Tag color="green" data-status="Confirmed">{t('agreement.confirmed')}</Tag>{formatDateTime(a.issuerConfirmedAt)} · {a.issuerConfirmedBy}</>
                    : <Tag color="orange" data-status="Unconfirmed">{t('agreement.unconfirmed')}</Tag>}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('agreement.parties')}>{a.parties.map((p) => <Tag key={p.organisationId}>{orgs.name(p.organisationId)}（{p.role}）</Tag>)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Tabs items={[
            { key: 'milestones', label: t('application.milestones'), children: (
              <Table<Schemas['MilestoneModel']> rowKey="ordinal" size="small" pagination={false} dataSource={a.milestones}
                columns={[
                  { title: '#', dataIndex: 'ordinal', render: (v: number) => v + 1 },
                  { title: t('milestone.name'), dataIndex: 'name' },
                  { title: t('milestone.dueOn'), dataIndex: 'dueOn' },
                  { title: t('milestone.deliverable'), dataIndex: 'deliverables', render: (v: string[]) => (v.length ? v.join('；') : '—') },
                  { title: t('funding.tranches'), render: (_, m) => (m.trancheIndex != null && a.tranches[m.trancheIndex] ? `${a.tranches[m.trancheIndex].percent}%` : '—') },
                ]} />
            ) },
            { key: 'progress', label: t('progress.title'), children: <ProgressTable agreement={a} /> },
            { key: 'ledger', label: t('ledger.title'), children: (
              <Table<Schemas['LedgerEntry']> rowKey="id" size="small" pagination={false} dataSource={a.ledger} data-testid="ledger-table"
                columns={[
                  { title: '#', dataIndex: 'entryNo', width: 50 },
                  { title: t('ledger.kind'), dataIndex: 'kind', render: (v) => <Tag>{t(`ledger.${v}`)}</Tag> },
                  { title: t('ledger.amount'), dataIndex: 'amountFen', align: 'right', render: (v) => <Money fen={v} /> },
                  { title: t('milestone.name'), dataIndex: 'milestoneIndex', render: (v) => (v == null ? '—' : milestoneName(a, v)) },
                  { title: t('common.reason'), dataIndex: 'reason' },
                  { title: t('audit.actor'), dataIndex: 'actorName' },
                  { title: t('audit.time'), dataIndex: 'occurredAt', render: (v) => formatDateTime(v) },
                ]} />
            ) },
            { key: 'procurement', label: t('challenge.procurement'), children: (
              <Table<Schemas['Procurement']> rowKey="id" size="small" pagination={false} dataSource={a.procurements} locale={{ emptyText: a.procurementWaiver ?? t('common.empty') }}
                columns={[
                  { title: t('procurement.product'), dataIndex: 'product' },
                  { title: t('procurement.contractDate'), dataIndex: 'contractDate' },
                  { title: t('procurement.amount'), dataIndex: 'amountFen', align: 'right', render: (v) => <Money fen={v} /> },
                ]} />
            ) },
          ]} />
          {dialog === 'progress' && <ProgressModal agreement={a} onClose={() => setDialog(null)} />}
          {dialog === 'pay' && <PayModal agreement={a} onClose={() => setDialog(null)} />}
        </>
      )}
    </QueryState>
  );
}

/** The issuer's countersignature: a user of the agreement's issuer, once, while the agreement is active. */
function ConfirmButton({ agreement: a }: { agreement: Agreement }) {
  const t = useT();
  const user = useSessionUser();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const confirm = useAction(
    () => unwrap(api.POST('/api/v1/agreements/{id}/issuer-confirmation', { params: { path: { id: a.id } } })),
    { success: t('agreement.confirmed'), invalidate: [['agreement', a.id]] },
  );
  // The API checks the organisation (404 for another issuer's user); the button is only offered to the agreement's issuer.
  const ownIssuer = user?.role === 'Issuer' && (user.organisationId == null || user.organisationId === a.issuerOrganisationId);
  if (!ownIssuer || a.issuerConfirmedAt || a.status !== 'Active') return null;
  const ask = () => modal.confirm({
    title: t('agreement.confirmTitle'),
    content: t('agreement.confirmHint'),
    onOk: () => confirm.mutateAsync(undefined).catch((e) => {
      message.error(errorText(e));
      return queryClient.invalidateQueries({ queryKey: ['agreement', a.id] });
    }),
  });
  return <Button type="primary" loading={confirm.isPending} onClick={ask} data-testid="confirm-agreement">{t('agreement.confirm')}</Button>;
}

function ProgressTable({ agreement: a }: { agreement: Agreement }) {
  const t = useT();
  const canAct = useIsTaskForce();
  const [verifying, setVerifying] = useState<Schemas['ProgressReport'] | null>(null);
  return (
    <>
      <Table<Schemas['ProgressReport']> rowKey="id" size="small" pagination={false} dataSource={a.progressReports} data-testid="progress-table" locale={{ emptyText: t('progress.empty') }}
        expandable={{ expandedRowRender: (p) => <ProgressAttachments agreement={a} report={p} />, rowExpandable: () => true }}
        columns={[
          { title: t('milestone.name'), dataIndex: 'milestoneIndex', render: (v: number) => milestoneName(a, v) },
          { title: t('progress.claimedIssuer'), dataIndex: 'claimedIssuerFen', align: 'right', render: (v) => <Money fen={v} /> },
          { title: t('progress.claimedApplicant'), dataIndex: 'claimedApplicantFen', align: 'right', render: (v) => <Money fen={v} /> },
          { title: t('common.status'), dataIndex: 'status', render: (v) => <StatusTag kind="progress" value={v} /> },
          { title: t('progress.verified'), render: (_, p) => p.verifiedIssuerFen != null ? <><Money fen={p.verifiedIssuerFen} /> + <Money fen={p.verifiedApplicantFen} /></> : '—' },
          { title: t('progress.submittedAt'), dataIndex: 'submittedAt', render: (v) => formatDateTime(v) },
          { title: t('progress.attachments'), render: (_, p) => <Tag data-testid="progress-attachment-count">{p.attachments.length}</Tag> },
          ...(canAct ? [{ title: '', render: (_: unknown, p: Schemas['ProgressReport']) => p.status === 'Submitted' && <Button size="small" type="primary" onClick={() => setVerifying(p)} data-testid="verify-progress">{t('progress.verify')}</Button> }] : []),
        ]} />
      {verifying && <VerifyModal agreement={a} report={verifying} onClose={() => setVerifying(null)} />}
    </>
  );
}

/** A progress report's supporting files (票据、审计报告…): downloads, and uploads while the report awaits its decision. */
function ProgressAttachments({ agreement: a, report }: { agreement: Agreement; report: Schemas['ProgressReport'] }) {
  const t = useT();
  const role = useRole();
  const { message } = App.useApp();
  const mayUpload = (role === 'TaskForce' || role === 'Issuer' || role === 'Applicant') && report.status === 'Submitted';
  return (
    <>
      {mayUpload && (
        <AttachmentUpload testId="progress-upload" invalidate={[['agreement', a.id]]} hint={t('progress.attachmentHint')}
          send={(file) => unwrap(api.POST('/api/v1/progress-reports/{id}/attachments', { params: { path: { id: report.id } }, ...multipart<Schemas['ProgressAttachmentUpload']>(file) }))} />
      )}
      <Table<Schemas['ProgressAttachment']> rowKey="id" size="small" pagination={false} dataSource={report.attachments} locale={{ emptyText: t('application.noAttachments') }}
        data-testid="progress-attachments"
        columns={[
          { title: t('attachment.fileName'), dataIndex: 'fileName', render: (v, f) => (
            <a onClick={() => download(`/api/v1/progress-reports/${report.id}/attachments/${f.id}`, f.fileName).catch((e) => message.error(errorText(e)))}>{v}</a>
          ) },
          { title: t('attachment.size'), dataIndex: 'sizeBytes', render: (v: number) => `${(v / 1024).toFixed(1)} KB` },
          { title: t('audit.actor'), dataIndex: 'uploadedBy' },
          { title: t('attachment.uploadedAt'), dataIndex: 'uploadedAt', render: (v) => formatDateTime(v) },
        ]} />
    </>
  );
}

function ProgressModal({ agreement: a, onClose }: { agreement: Agreement; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ milestoneIndex: number; issuerWan: number; applicantWan: number; note?: string }>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useAction(
    (v: { milestoneIndex: number; issuerWan: number; applicantWan: number; note?: string }) => unwrap(api.POST('/api/v1/agreements/{id}/progress-reports', {
      params: { path: { id: a.id } },
      body: { milestoneIndex: v.milestoneIndex, issuerInvestmentFen: wanToFen(v.issuerWan) ?? 0, applicantInvestmentFen: wanToFen(v.applicantWan) ?? 0, note: v.note },
    })),
    { invalidate: [['agreement', a.id]], onSuccess: onClose },
  );
  return (
    <Modal open title={t('progress.report')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={{ milestoneIndex: 0 }} onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e, { issuerInvestmentFen: 'issuerWan', applicantInvestmentFen: 'applicantWan' })) })}>
        <Form.Item name="milestoneIndex" label={t('milestone.name')} rules={[{ required: true }]}><MilestoneSelect agreement={a} /></Form.Item>
        <Form.Item name="issuerWan" label={t('progress.claimedIssuer')} rules={[{ required: true }]}><InputNumber min={0} addonAfter={t('money.wan')} data-testid="progress-issuer" /></Form.Item>
        <Form.Item name="applicantWan" label={t('progress.claimedApplicant')} rules={[{ required: true }]}><InputNumber min={0} addonAfter={t('money.wan')} data-testid="progress-applicant" /></Form.Item>
        <Form.Item name="note" label={t('common.note')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

function VerifyModal({ agreement: a, report, onClose }: { agreement: Agreement; report: Schemas['ProgressReport']; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ issuerWan: number; applicantWan: number; note?: string }>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useAction(
    (v: { issuerWan: number; applicantWan: number; note?: string }) => unwrap(api.POST('/api/v1/progress-reports/{id}/verify', {
      params: { path: { id: report.id } },
      body: { verifiedIssuerFen: wanToFen(v.issuerWan) ?? 0, verifiedApplicantFen: wanToFen(v.applicantWan) ?? 0, note: v.note },
    })),
    { invalidate: [['agreement', a.id]], onSuccess: onClose },
  );
  return (
    <Modal open title={t('progress.verify')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={{ issuerWan: report.claimedIssuerFen / 1e6, applicantWan: report.claimedApplicantFen / 1e6 }}
        onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e, { verifiedIssuerFen: 'issuerWan', verifiedApplicantFen: 'applicantWan' })) })}>
        <Form.Item name="issuerWan" label={t('progress.verifiedIssuer')} rules={[{ required: true }]}><InputNumber min={0} addonAfter={t('money.wan')} /></Form.Item>
        <Form.Item name="applicantWan" label={t('progress.verifiedApplicant')} rules={[{ required: true }]}><InputNumber min={0} addonAfter={t('money.wan')} /></Form.Item>
        <Form.Item name="note" label={t('common.note')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

function PayModal({ agreement: a, onClose }: { agreement: Agreement; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ milestoneIndex: number; amountWan: number; reason: string }>();
  const [extra, setExtra] = useState<string[]>([]);
  const pay = useAction(
    (v: { milestoneIndex: number; amountWan: number; reason: string }) => unwrap(api.POST('/api/v1/agreements/{id}/disbursements', {
      params: { path: { id: a.id } },
      body: { milestoneIndex: v.milestoneIndex, amountFen: wanToFen(v.amountWan) ?? 0, reason: v.reason },
    })),
    { invalidate: [['agreement', a.id], ['policy']], onSuccess: onClose },
  );
  return (
    <Modal open title={t('tranche.pay')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={pay.isPending}>
      <ProblemAlert error={pay.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={{ milestoneIndex: 0 }} onFinish={(v) => pay.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e, { amountFen: 'amountWan' })) })}>
        <Form.Item name="milestoneIndex" label={t('milestone.name')} rules={[{ required: true }]}><MilestoneSelect agreement={a} /></Form.Item>
        <Form.Item name="amountWan" label={t('tranche.amount')} rules={[{ required: true }]}><InputNumber min={0} addonAfter={t('money.wan')} data-testid="pay-amount" /></Form.Item>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, message: t('common.reasonRequired') }]}><Input data-testid="pay-reason" /></Form.Item>
      </Form>
    </Modal>
  );
}
