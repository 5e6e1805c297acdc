import { useState } from 'react';
import { Form, Input, InputNumber, Modal } from 'antd';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { applyFieldErrors } from '../../../lib/errors';
import { usePayTranche } from '../queries';
import { MilestoneSelect } from './MilestoneSelect';

type Agreement = Schemas['AgreementDetail'];

export function PayModal({ agreement: a, onClose }: { agreement: Agreement; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ milestoneIndex: number; amountWan: number; reason: string }>();
  const [extra, setExtra] = useState<string[]>([]);
  const pay = usePayTranche(a, { onSuccess: onClose });
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
