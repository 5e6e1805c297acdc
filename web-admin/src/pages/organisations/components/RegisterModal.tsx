import { useState } from 'react';
import { Form, Input, Modal, Select, Switch, Typography } from 'antd';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ProblemAlert } from '../../../components/Problem';
import { organisationTypes as types } from './CorrectOrganisationModal';
import { applyFieldErrors } from '../../../lib/errors';
import { useRegisterOrganisation } from '../queries';

/** Who put the record in the registry: a console user or a district system's key; seeded records have neither. */
export function Registrant({ organisation: o }: { organisation: Schemas['Organisation'] }) {
  const t = useT();
  if (!o.registeredBy) return <Typography.Text type="secondary">{t('organisation.registrant.none')}</Typography.Text>;
  const { kind, name } = o.registeredBy;
  const label = kind === 'User' || kind === 'DistrictKey' ? t(`organisation.registrant.${kind}`) : null;
  return <>{label ? t('organisation.registrant.line', { kind: label, name }) : name}</>;
}

export function RegisterModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Schemas['RegisterOrganisationRequest']>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useRegisterOrganisation({ onSuccess: onClose });
  return (
    <Modal open title={t('organisation.register')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={{ independentLegalPerson: true, type: 'Enterprise' }}
        onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="creditCode" label={t('organisation.creditCode')} rules={[{ required: true }]}><Input maxLength={18} /></Form.Item>
        <Form.Item name="name" label={t('organisation.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="type" label={t('organisation.type')}><Select options={types.map((v) => ({ value: v, label: t(`orgType.${v}`) }))} /></Form.Item>
        <Form.Item name="regionCode" label={t('organisation.regionCode')} rules={[{ required: true }]}><Input maxLength={6} /></Form.Item>
        <Form.Item name="independentLegalPerson" label={t('organisation.legalPerson')} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="commercialisationBase" label={t('organisation.commercialisationBase')}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}
