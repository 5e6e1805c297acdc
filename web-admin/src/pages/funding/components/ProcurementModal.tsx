import { useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { applyFieldErrors } from '../../../lib/errors';
import { useRecordProcurement } from '../queries';

type Agreement = Schemas['AgreementDetail'];

export function ProcurementModal({ a, onClose }: { a: Agreement; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ contractDate: Dayjs; amountWan: number; product: string }>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useRecordProcurement(a, { onSuccess: onClose });
  return (
    <Modal open title={t('procurement.record')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e, { amountFen: 'amountWan' })) })}>
        <Form.Item name="product" label={t('procurement.product')} rules={[{ required: true, whitespace: true }]}><Input data-testid="procurement-product" /></Form.Item>
        <Form.Item name="contractDate" label={t('procurement.contractDate')} rules={[{ required: true }]}><DatePicker data-testid="procurement-date" /></Form.Item>
        <Form.Item name="amountWan" label={t('procurement.amount')} rules={[{ required: true }]}><InputNumber min={0} addonAfter={t('money.wan')} data-testid="procurement-amount" /></Form.Item>
      </Form>
    </Modal>
  );
}
