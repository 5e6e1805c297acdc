import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, type Schemas } from '../../../api/client';
import { useI18n, useT, type Locale } from '../../../i18n';
import { applyFieldErrors, problemText } from '../../../lib/errors';
import { organisationKeys } from '../../../lib/organisations';
import { correctOrganisation } from '../queries';

type Organisation = Schemas['Organisation'];
type Values = Schemas['CorrectOrganisationRequest'];

export const organisationTypes: Schemas['OrganisationType'][] = ['University', 'Institute', 'Enterprise', 'NewRdInstitution', 'SocialOrganisation'];

/** The request Organisations_Correct expects: trimmed text, an empty 成果转化基地 as null. */
export function correctionBody(v: Values): Values {
  const base = (v.commercialisationBase ?? '').trim();
  return {
    name: (v.name ?? '').trim(),
    type: v.type,
    regionCode: (v.regionCode ?? '').trim(),
    independentLegalPerson: !!v.independentLegalPerson,
    commercialisationBase: base || null,
    reason: (v.reason ?? '').trim(),
  };
}

/** The API writes field messages as "中文 / English"; the reader sees the side of their language. */
function localisedFieldErrors(error: unknown, locale: Locale): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(error.fieldErrors)) {
    errors[key] = messages.map((m) => {
      const [zh, ...rest] = m.split(' / ');
      return locale === 'zh-CN' || rest.length === 0 ? zh : rest.join(' / ');
    });
  }
  return new ApiError(error.status, { ...error.problem, errors });
}

/**
 * The task force corrects a registered organisation's facts (the credit code stays) with a reason kept in the audit
 * log; the record is then verified. Sent with the version the list showed: a stale version (412) reloads the list.
 */
export function CorrectOrganisationModal({ organisation, onClose }: { organisation: Organisation; onClose: () => void }) {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string[]>([]);
  const [pending, setPending] = useState(false);

  async function submit(v: Values) {
    setPending(true);
    setError([]);
    try {
      await correctOrganisation(organisation, correctionBody(v));
      message.success(t('organisation.correct.done'));
      await queryClient.invalidateQueries({ queryKey: organisationKeys.all });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        message.warning(t('organisation.stale'));
        await queryClient.invalidateQueries({ queryKey: organisationKeys.all });
        onClose();
        return;
      }
      const unmatched = applyFieldErrors(form, localisedFieldErrors(e, locale)).map((m) => m.replace(/^[^:]+: /, ''));
      setError([problemText(e, locale, t), ...unmatched]);
    } finally {
      setPending(false);
    }
  }

  return (
    <Modal open title={`${t('organisation.correct')} · ${organisation.name}`} onCancel={onClose} onOk={() => form.submit()}
      okText={t('organisation.correct.confirm')} confirmLoading={pending} okButtonProps={{ 'data-testid': 'correct-confirm' } as React.ComponentProps<typeof Button>}>
      {error.length > 0 && (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={error[0]}
          description={error.length > 1 ? error.slice(1).map((m) => <div key={m}>• {m}</div>) : undefined} />
      )}
      <Typography.Paragraph type="secondary">
        {t('organisation.correct.codeStays', { code: organisation.creditCode })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}
        initialValues={{
          name: organisation.name, type: organisation.type, regionCode: organisation.regionCode,
          independentLegalPerson: organisation.independentLegalPerson, commercialisationBase: organisation.commercialisationBase ?? '', reason: '',
        }}>
        <Form.Item name="name" label={t('organisation.name')} rules={[{ required: true, whitespace: true, message: t('organisation.correct.nameRequired') }]}>
          <Input maxLength={200} data-testid="correct-name" />
        </Form.Item>
        <Form.Item name="type" label={t('organisation.type')} rules={[{ required: true, message: t('organisation.correct.typeRequired') }]}>
          <Select placeholder={t('common.select')} data-testid="correct-type"
            options={organisationTypes.map((v) => ({ value: v, label: t(`orgType.${v}`) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('organisation.region')} extra={t('organisation.correct.regionHint')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('organisation.correct.regionRequired') }]}>
          <Input maxLength={6} data-testid="correct-region" />
        </Form.Item>
        <Form.Item name="independentLegalPerson" label={t('organisation.legalPerson')} valuePropName="checked">
          <Switch data-testid="correct-legal-person" />
        </Form.Item>
        <Form.Item name="commercialisationBase" label={t('organisation.commercialisationBase')}>
          <Input maxLength={2000} data-testid="correct-base" />
        </Form.Item>
        <Form.Item name="reason" label={t('organisation.correct.reason')} rules={[{ required: true, whitespace: true, message: t('organisation.correct.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="correct-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
