import { useState } from 'react';
import { Form, Input, InputNumber, Modal } from 'antd';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { applyFieldErrors } from '../../../lib/errors';
import { useSubmitProgressReport } from '../queries';
import { MilestoneSelect } from './MilestoneSelect';

type Agreement = Schemas['AgreementDetail'];

export function ProgressModal({ agreement: a, onClose }: { agreement: Agreement; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ milestoneIndex: number; issuerWan: number; applicantWan: number; note?: string }>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useSubmitProgressReport(a, { onSuccess: onClose });
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
