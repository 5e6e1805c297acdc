import { Form, Input, Modal } from 'antd';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { applyFieldErrors } from '../../../lib/errors';
import { useLinkExpertUser } from '../queries';

export function LinkModal({ expert, onClose }: { expert: Schemas['ReviewExpert']; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ userName: string }>();
  const link = useLinkExpertUser(expert, { onSuccess: onClose });
  return (
    <Modal open title={`${t('expert.link')} · ${expert.name}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={link.isPending}>
      <ProblemAlert error={link.error} />
      <Form form={form} layout="vertical" onFinish={(v) => link.mutate(v, { onError: (e) => applyFieldErrors(form, e) })}>
        <Form.Item name="userName" label={t('login.userName')} rules={[{ required: true }]} extra={t('expert.linkHint')}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}
