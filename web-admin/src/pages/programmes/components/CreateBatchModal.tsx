import { useState } from 'react';
import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { applyFieldErrors, windowErrors } from '../../../lib/errors';
import { useCreateBatch } from '../queries';

interface BatchForm {
  code: string;
  name: string;
  nameEn?: string;
  window: [Dayjs, Dayjs];
  note?: string;
}

export function CreateBatchModal({ programmeId, onClose }: { programmeId: string; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<BatchForm>();
  const [extra, setExtra] = useState<string[]>([]);
  const create = useCreateBatch(programmeId, { onSuccess: onClose });
  return (
    <Modal open title={t('batch.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <ProblemAlert error={create.error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate({
        code: v.code, name: v.name, nameEn: v.nameEn, note: v.note, opensOn: v.window[0].format('YYYY-MM-DD'), closesOn: v.window[1].format('YYYY-MM-DD'),
      }, {
        onError: (e) => setExtra(applyFieldErrors(form, e).concat(windowErrors(form, e))),
      })}>
        <Form.Item name="code" label={t('batch.code')} rules={[{ required: true }]}><Input placeholder="ZGC-2026-01" /></Form.Item>
        <Form.Item name="name" label={t('batch.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="nameEn" label={t('batch.nameEn')}><Input /></Form.Item>
        <Form.Item name="window" label={t('batch.windowShanghai')} rules={[{ required: true }]}><DatePicker.RangePicker /></Form.Item>
        <Form.Item name="note" label={t('batch.note')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
