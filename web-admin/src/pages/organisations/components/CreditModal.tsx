import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { applyFieldErrors } from '../../../lib/errors';
import { useSetCreditStanding } from '../queries';

export function CreditModal({ organisation, onClose }: { organisation: Schemas['Organisation']; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ standing: Schemas['CreditStanding']; source?: string; recordedOn?: import('dayjs').Dayjs }>();
  const save = useSetCreditStanding(organisation, { onSuccess: onClose });
  return (
    <Modal open title={`${t('organisation.credit')} · ${organisation.name}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} />
      <Form form={form} layout="vertical" initialValues={{ standing: organisation.creditStanding, source: organisation.creditSource }}
        onFinish={(v) => save.mutate(v, { onError: (e) => applyFieldErrors(form, e) })}>
        <Form.Item name="standing" label={t('organisation.credit')}>
          <Select options={(['Good', 'BadRecord'] as const).map((v) => ({ value: v, label: t(`status.credit.${v}`) }))} />
        </Form.Item>
        <Form.Item name="source" label={t('organisation.creditSource')}><Input /></Form.Item>
        <Form.Item name="recordedOn" label={t('organisation.creditRecordedOn')}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}
