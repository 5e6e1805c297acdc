import { useState } from 'react';
import { Alert, Button, Form, Input, Result, Steps } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useI18n, useT } from '../../i18n';
import { PublicShell } from '../../components/PublicShell';
import { ProblemNotice } from '../../components/Problem';
import { showProblem } from '../../lib/errors';
import { NewPasswordFields } from '../profile/components/ChangePasswordForm';

const requestCode = (userName: string) => unwrap(api.POST('/api/v1/auth/password-reset/request', { body: { userName } }));
const resetPassword = (body: { userName: string; code: string; newPassword: string }) => unwrap(api.POST('/api/v1/auth/password-reset', { body }));

/** 忘记密码 (public): a code sent to the account's email or mobile, then the code and a new password. */
export function ForgotPasswordPage() {
  const t = useT();
  const { locale } = useI18n();
  const [userName, setUserName] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [requestForm] = Form.useForm<{ userName: string }>();
  const [resetForm] = Form.useForm<{ code: string; newPassword: string; confirm: string }>();
  const request = useMutation({ mutationFn: requestCode });
  const reset = useMutation({ mutationFn: resetPassword });
  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <PublicShell title={t('menu.forgotPassword')} width={480}>
      <Steps size="small" current={done ? 2 : userName ? 1 : 0} style={{ marginBottom: 24 }}
        items={[{ title: t('reset.stepRequest') }, { title: t('reset.stepReset') }, { title: t('reset.stepDone') }]} />
      <ProblemNotice error={null} message={notice} />
      {done ? (
        <Result status="success" title={t('reset.done')} extra={<Link to="/login"><Button type="primary">{t('login.submit')}</Button></Link>} />
      ) : userName === null ? (
        <Form form={requestForm} layout="vertical" data-testid="reset-request-form"
          onFinish={(v) => {
            setNotice(null);
            request.mutate(v.userName.trim(), {
              onSuccess: () => setUserName(v.userName.trim()),
              onError: (e) => setNotice(showProblem(requestForm, e, locale, t)),
            });
          }}>
          <Form.Item name="userName" label={t('login.userName')} rules={[required]}><Input autoComplete="username" /></Form.Item>
          <Button type="primary" htmlType="submit" block loading={request.isPending} data-testid="reset-request-submit">{t('reset.sendCode')}</Button>
        </Form>
      ) : (
        <Form form={resetForm} layout="vertical" data-testid="reset-form"
          onFinish={(v) => {
            setNotice(null);
            reset.mutate({ userName, code: v.code.trim(), newPassword: v.newPassword }, {
              onSuccess: () => setDone(true),
              onError: (e) => setNotice(showProblem(resetForm, e, locale, t)),
            });
          }}>
          <Alert type="info" showIcon title={t('reset.sent')} style={{ marginBottom: 16 }} />
          <Form.Item name="code" label={t('reset.code')} rules={[required, { pattern: /^\d{6}$/, message: t('reset.codeFormat') }]}>
            <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" />
          </Form.Item>
          <NewPasswordFields userName={userName} />
          <Button type="primary" htmlType="submit" block loading={reset.isPending} data-testid="reset-submit">{t('reset.submit')}</Button>
          <Button type="link" block onClick={() => { setUserName(null); setNotice(null); }}>{t('reset.again')}</Button>
        </Form>
      )}
    </PublicShell>
  );
}
