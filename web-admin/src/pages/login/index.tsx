import { useState } from 'react';
import { Alert, Button, Card, Divider, Flex, Form, Input, Segmented, Space, Table, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, ApiError } from '../../api/client';
import { session } from '../../auth/session';
import { homeByRole, type Role } from '../../auth/roles';
import { useSessionUser } from '../../auth/useSession';
import { byKey, useI18n, useT } from '../../i18n';
import { ProblemNotice } from '../../components/Problem';
import { applyFieldErrors } from '../../lib/errors';
import { profileKeys } from '../profile/queries';

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
  // Demo accounts are listed only when the host has demo data loaded.
  const options = useQuery({ queryKey: profileKeys.options, queryFn: () => unwrap(api.GET('/api/v1/auth/options')), retry: false });

  if (user?.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (user) return <Navigate to={params.get('next') ?? homeByRole[user.role as Role] ?? '/'} replace />;

  async function submit(values: { userName: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const result = await unwrap(api.POST('/api/v1/auth/token', { body: values }));
      session.signIn(result.accessToken, result.expiresAt, result.user);
      if (result.user.mustChangePassword) navigate('/change-password', { replace: true });
      else navigate(params.get('next') ?? homeByRole[result.user.role as Role] ?? '/', { replace: true });
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f3f1ee' }}>
      <Card style={{ width: 440 }} title={t('login.title')} extra={
        <Segmented size="small" value={locale} options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en-US' }]}
          onChange={(v) => setLocale(v as 'zh-CN' | 'en-US')} />
      }>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {expired && !error && <Alert type="warning" showIcon title={t('login.expired')} />}
          {error instanceof ApiError && error.status === 401 ? (
            <Alert type="error" showIcon role="alert" title={t('login.failed')} />
          ) : (
            error != null && <ProblemNotice error={error} />
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
          <Flex justify="space-between" wrap gap={8} data-testid="login-links">
            <Link to="/register">{t('menu.register')}</Link>
            <Link to="/register/status">{t('menu.registrationStatus')}</Link>
            <Link to="/forgot-password">{t('menu.forgotPassword')}</Link>
          </Flex>
          {options.data?.demoAccounts && options.data.demoAccounts.length > 0 && (
            <div data-testid="demo-accounts">
              <Divider plain style={{ margin: '8px 0' }}>{t('login.demoTitle')}</Divider>
              <Table size="small" pagination={false} rowKey="userName" dataSource={options.data.demoAccounts}
                onRow={(a) => ({ onClick: () => form.setFieldsValue({ userName: a.userName, password: options.data?.demoPassword ?? '' }), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('login.userName'), dataIndex: 'userName', render: (v) => <code>{v}</code> },
                  { title: t('user.displayName'), dataIndex: 'displayName' },
                  { title: t('user.role'), dataIndex: 'role', render: (v: string) => byKey(t, `role.${v}`) },
                ]} />
              {options.data.demoPassword && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('login.demoPassword', { password: options.data.demoPassword })}</Typography.Text>}
            </div>
          )}
        </Space>
      </Card>
    </div>
  );
}
