import { useState } from 'react';
import { Form, Input, InputNumber, Modal, Space } from 'antd';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { applyFieldErrors } from '../../../lib/errors';
import { useCreateProgramme } from '../queries';

export function CreateProgrammeModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Schemas['CreateProgrammeRequest']>();
  const [extra, setExtra] = useState<string[]>([]);
  const create = useCreateProgramme({ onSuccess: onClose });
  return (
    <Modal open title={t('programme.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <ProblemAlert error={create.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={{ targetConsortia: 30, targetYear: new Date().getFullYear() }}
        onFinish={(v) => create.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="code" label={t('programme.code')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="name" label={t('programme.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="nameEn" label={t('programme.nameEn')}><Input /></Form.Item>
        <Form.Item name="operatorName" label={t('programme.operator')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="description" label={t('programme.description')}><Input.TextArea rows={2} /></Form.Item>
        <Space>
          <Form.Item name="targetConsortia" label={t('programme.targetConsortia')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
          <Form.Item name="targetYear" label={t('programme.targetYear')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
