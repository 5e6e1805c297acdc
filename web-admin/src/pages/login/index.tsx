import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Space, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap, ApiError } from '../../api/client';
import { session } from '../../auth/session';
import { homeByRole, type Role } from '../../auth/roles';
import { useSessionUser } from '../../auth/useSession';
import { useI18n, useT } from '../../i18n';
import { ProblemAlert } from '../../components/Problem';
import { applyFieldErrors } from '../../lib/errors';

export function LoginPage() {
  const t = useT();
  const { locale, setLocale } = useI18n();
  const [form] = Form.useForm<{ userName: string; password: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const user = useSessionUser();
  const [expired] = useState(session.wasExpired());

  if (user) return <Navigate to={params.get('next') ?? homeByRole[user.role as Role] ?? '/'} replace />;

  async function submit(values: { userName: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const result = await unwrap(api.POST('/api/v1/auth/token', { body: values }));
      session.signIn(result.accessToken, result.expiresAt, result.user);
      navigate(params.get('next') ?? homeByRole[result.user.role as Role] ?? '/', { replace: true });
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f3f1ee' }}>
      <Card style={{ width: 400 }} title={t('login.title')} extra={
        <Segmented size="small" value={locale} options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en-US' }]}
          onChange={(v) => setLocale(v as 'zh-CN' | 'en-US')} />
      }>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {expired && !error && <Alert type="warning" showIcon title={t('login.expired')} />}
          {error instanceof ApiError && error.status === 401 ? (
            <Alert type="error" showIcon role="alert" title={t('login.failed')} />
          ) : (
            error != null && <ProblemAlert error={error} />
          )}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item name="userName" label={t('login.userName')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('login.demoHint')}</Typography.Text>
        </Space>
      </Card>
    </div>
  );
}
