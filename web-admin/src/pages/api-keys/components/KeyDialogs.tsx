import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useI18n, useT } from '../../../i18n';
import { ProblemNotice } from '../../../components/Problem';
import { showProblem } from '../../../lib/errors';
import { useCreateApiKey, type CreatedKey } from '../queries';

export function CreateKeyModal({ onCreated, onClose }: { onCreated: (created: CreatedKey) => void; onClose: () => void }) {
  const t = useT();
  const { locale } = useI18n();
  const [form] = Form.useForm<{ name: string; districtCode: string }>();
  const [notice, setNotice] = useState<string | null>(null);
  const create = useCreateApiKey();
  return (
    <Modal open title={t('apiKey.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}>
      <ProblemNotice error={null} message={notice} />
      <Form form={form} layout="vertical" data-testid="create-key-form"
        onFinish={(v) => create.mutate({ name: v.name.trim(), districtCode: v.districtCode.trim() }, {
          onSuccess: onCreated,
          onError: (e) => setNotice(showProblem(form, e, locale, t)),
        })}>
        <Form.Item name="name" label={t('apiKey.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}><Input /></Form.Item>
        <Form.Item name="districtCode" label={t('apiKey.district')} extra={t('apiKey.districtHint')}
          rules={[{ required: true, message: t('validation.required') }, { pattern: /^(\d{2}|\d{4}|\d{6})$/, message: t('apiKey.districtFormat') }]}>
          <Input maxLength={6} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The key, shown once, with a copy button. */
export function ShowKeyModal({ created, onClose }: { created: CreatedKey; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open title={t('apiKey.createdTitle', { name: created.apiKey.name })} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} maskClosable={false}>
      <Alert type="warning" showIcon title={t('apiKey.shownOnce')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph copyable={{ text: created.key, tooltips: [t('common.copy'), t('common.copied')] }} code data-testid="new-api-key" style={{ wordBreak: 'break-all' }}>
        {created.key}
      </Typography.Paragraph>
    </Modal>
  );
}
