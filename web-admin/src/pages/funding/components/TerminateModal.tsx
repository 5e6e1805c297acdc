import { useState } from 'react';
import { Form, Input, InputNumber, Modal } from 'antd';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { applyFieldErrors } from '../../../lib/errors';
import { useTerminateAgreement, useCloseAgreement } from '../queries';

type Agreement = Schemas['AgreementDetail'];

export function TerminateModal({ a, onClose }: { a: Agreement; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string; clawBackWan?: number }>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useTerminateAgreement(a, { onSuccess: onClose });
  return (
    <Modal open title={t('agreement.terminate')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ danger: true }}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e, { clawBackFen: 'clawBackWan' })) })}>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, message: t('common.reasonRequired') }]}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="clawBackWan" label={t('agreement.clawBack')} extra={t('agreement.clawBackHint')}><InputNumber min={0} addonAfter={t('money.wan')} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function CloseModal({ a, onClose }: { a: Agreement; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ waiverReason?: string }>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useCloseAgreement(a, { onSuccess: onClose });
  return (
    <Modal open title={t('agreement.close')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="waiverReason" label={t('agreement.waiver')} extra={a.procurements.length ? t('agreement.procurementRecorded', { n: a.procurements.length }) : t('agreement.waiverHint')}
          rules={a.procurements.length ? [] : [{ required: true, whitespace: true, message: t('agreement.waiverRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="close-waiver" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
