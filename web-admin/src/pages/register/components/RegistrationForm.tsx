import { useState } from 'react';
import { Button, Col, Divider, Form, Input, Row, Select, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useI18n, useT } from '../../../i18n';
import { ProblemNotice } from '../../../components/Problem';
import { showProblem } from '../../../lib/errors';
import { creditCodeProblem } from '../../../lib/creditCode';
import { organisationTypes } from '../../organisations/components/CorrectOrganisationModal';
import { NewPasswordFields } from '../../profile/components/ChangePasswordForm';
import { EMAIL_PATTERN, MOBILE_PATTERN } from '../../profile';
import { submitRegistration, type RegistrationReceipt, type RegistrationValues } from '../queries';

export const LICENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg';
export const LICENCE_MAX_BYTES = 10 * 1024 * 1024;
const LICENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

type Values = RegistrationValues & { confirm: string; file?: File[] };

/** 单位注册: the unit, its legal representative, the licence and the unit administrator's account. */
export function RegistrationForm({ onSubmitted }: { onSubmitted: (receipt: RegistrationReceipt) => void }) {
  const t = useT();
  const { locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [notice, setNotice] = useState<string | null>(null);
  const submit = useMutation({ mutationFn: ({ values, file }: { values: RegistrationValues; file: File }) => submitRegistration(values, file) });
  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <Form form={form} layout="vertical" data-testid="registration-form" initialValues={{ orgType: 'Enterprise' }}
      onFinish={({ confirm: _confirm, file, ...values }) => {
        setNotice(null);
        const trimmed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, k === 'adminPassword' ? v : String(v ?? '').trim()])) as unknown as RegistrationValues;
        submit.mutate({ values: trimmed, file: file![0] }, {
          onSuccess: onSubmitted,
          onError: (e) => setNotice(showProblem(form, e, locale, t)),
        });
      }}>
      <ProblemNotice error={null} message={notice} />
      <Divider titlePlacement="start" plain>{t('registration.unit')}</Divider>
      <Form.Item name="name" label={t('registration.name')} rules={[required, { max: 200 }]}><Input /></Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item name="creditCode" label={t('organisation.creditCode')} normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
            rules={[required, { validator: async (_, v: string) => {
              const problem = v ? creditCodeProblem(v) : null;
              if (problem) throw new Error(t(problem.key, problem.params));
            } }]}>
            <Input maxLength={18} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="orgType" label={t('organisation.type')} rules={[required]}>
            <Select options={organisationTypes.map((v) => ({ value: v, label: t(`orgType.${v}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="legalRepresentative" label={t('registration.legalRepresentative')} rules={[required, { max: 100 }]}><Input /></Form.Item>
      <Form.Item name="file" label={t('registration.licence')} valuePropName="fileList" extra={t('registration.licenceHint')}
        getValueFromEvent={(e: { fileList: unknown[] }) => e.fileList.slice(-1).map((f) => (f as { originFileObj?: File }).originFileObj ?? f)}
        rules={[{ required: true, message: t('registration.licenceRequired') }, { validator: async (_, files?: File[]) => {
          const file = files?.[0];
          if (!file) return;
          if (file.size > LICENCE_MAX_BYTES) throw new Error(t('registration.licenceTooLarge'));
          if (file.type && !LICENCE_TYPES.includes(file.type)) throw new Error(t('registration.licenceType'));
        } }]}>
        <Upload beforeUpload={() => false} maxCount={1} accept={LICENCE_ACCEPT} data-testid="licence-upload">
          <Button icon={<UploadOutlined />}>{t('registration.chooseFile')}</Button>
        </Upload>
      </Form.Item>
      <Divider titlePlacement="start" plain>{t('registration.admin')}</Divider>
      <Typography.Paragraph type="secondary">{t('registration.adminHint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="adminDisplayName" label={t('registration.adminDisplayName')} rules={[required, { max: 100 }]}><Input /></Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="adminUserName" label={t('login.userName')} rules={[required, { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{2,49}$/, message: t('validation.userName') }]}>
            <Input autoComplete="username" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="adminMobile" label={t('user.mobile')} rules={[required, { pattern: MOBILE_PATTERN, message: t('validation.mobile') }]}>
            <Input maxLength={11} autoComplete="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="adminEmail" label={t('user.email')} rules={[required, { pattern: EMAIL_PATTERN, message: t('validation.email') }]}>
            <Input autoComplete="email" />
          </Form.Item>
        </Col>
      </Row>
      <NewPasswordFields name="adminPassword" label={t('login.password')} userName={() => form.getFieldValue('adminUserName')} />
      <Button type="primary" htmlType="submit" block loading={submit.isPending} data-testid="registration-submit">{t('registration.submit')}</Button>
    </Form>
  );
}
