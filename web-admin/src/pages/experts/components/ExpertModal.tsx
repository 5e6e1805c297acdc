import { useState } from 'react';
import { Form, Input, Modal, Select, Switch } from 'antd';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { useFieldOptions } from '../../../lib/useFields';
import { applyFieldErrors } from '../../../lib/errors';
import { useSaveExpert } from '../queries';

export function ExpertModal({ expert, orgOptions, onClose }: { expert: Schemas['ReviewExpert'] | null; orgOptions: { value: string; label: string }[]; onClose: () => void }) {
  const t = useT();
  const fieldOptions = useFieldOptions();
  const [form] = Form.useForm<Schemas['CreateExpertRequest']>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useSaveExpert(expert, { onSuccess: onClose });
  return (
    <Modal open title={expert ? t('common.edit') : t('expert.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={expert ?? { active: true, fields: [], declaredConflicts: [] }}
        onFinish={(v) => save.mutate(
          // Declared person conflicts are not edited here: keep the expert's own (the API replaces the whole profile).
          { ...v, declaredConflicts: v.declaredConflicts ?? [], declaredPersonConflicts: expert?.declaredPersonConflicts ?? [] },
          { onError: (e) => setExtra(applyFieldErrors(form, e)) },
        )}>
        <Form.Item name="name" label={t('expert.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="title" label={t('expert.title')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="fields" label={t('expert.fields')} rules={[{ required: true }]}><Select mode="multiple" options={fieldOptions} /></Form.Item>
        <Form.Item name="affiliationOrganisationId" label={t('expert.affiliation')}><Select allowClear showSearch optionFilterProp="label" options={orgOptions} /></Form.Item>
        <Form.Item name="declaredConflicts" label={t('expert.conflicts')}><Select mode="multiple" showSearch optionFilterProp="label" options={orgOptions} /></Form.Item>
        <Form.Item name="active" label={t('expert.active')} valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </Modal>
  );
}
