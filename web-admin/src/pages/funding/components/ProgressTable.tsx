import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import { download, type Schemas } from '../../../api/client';
import { AttachmentUpload } from '../../../components/AttachmentUpload';
import { useT } from '../../../i18n';
import { useIsTaskForce, useRole } from '../../../auth/useSession';
import { ProblemAlert } from '../../../components/Problem';
import { StatusTag } from '../../../components/StatusTag';
import { Money } from '../../../components/Money';
import { formatDateTime } from '../../../lib/format';
import { applyFieldErrors, errorText } from '../../../lib/errors';
import { agreementKeys, useVerifyProgressReport, uploadProgressAttachment } from '../queries';
import { milestoneName } from './MilestoneSelect';

type Agreement = Schemas['AgreementDetail'];

export function ProgressTable({ agreement: a }: { agreement: Agreement }) {
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
        <AttachmentUpload testId="progress-upload" invalidate={[agreementKeys.detail(a.id)]} hint={t('progress.attachmentHint')}
          send={(file) => uploadProgressAttachment(report.id, file)} />
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

function VerifyModal({ agreement: a, report, onClose }: { agreement: Agreement; report: Schemas['ProgressReport']; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ issuerWan: number; applicantWan: number; note?: string }>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useVerifyProgressReport(a, report, { onSuccess: onClose });
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
