import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Input, Row } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { useSessionUser } from '../../auth/useSession';
import { homeByRole, type Role } from '../../auth/roles';
import { useI18n, useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { ProblemNotice } from '../../components/Problem';
import { showProblem } from '../../lib/errors';
import { ChangePasswordForm } from './components/ChangePasswordForm';
import { signOut, updateProfile, type ProfileBody } from './queries';

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** 个人资料: name and contact details, and the password. */
export function ProfilePage() {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const user = useSessionUser();
  const [form] = Form.useForm<ProfileBody>();
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({ mutationFn: updateProfile });
  if (!user) return null;
  return (
    <>
      <PageHeader title={t('menu.profile')} />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('profile.details')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1} style={{ marginBottom: 16 }} items={[
              { label: t('login.userName'), children: user.userName },
              { label: t('user.role'), children: t(`role.${user.role as Role}`) },
              ...(user.organisationName ? [{ label: t('user.organisation'), children: user.organisationName }] : []),
            ]} />
            <Form form={form} layout="vertical" initialValues={{ displayName: user.displayName, email: user.email ?? '', mobile: user.mobile ?? '' }}
              data-testid="profile-form"
              onFinish={(v) => {
                setNotice(null);
                save.mutate({ displayName: v.displayName.trim(), email: v.email?.trim() || null, mobile: v.mobile?.trim() || null }, {
                  onSuccess: () => message.success(t('common.saved')),
                  onError: (e) => setNotice(showProblem(form, e, locale, t)),
                });
              }}>
              <ProblemNotice error={null} message={notice} />
              <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}>
                <Input />
              </Form.Item>
              <Form.Item name="email" label={t('user.email')} rules={[{ pattern: EMAIL_PATTERN, message: t('validation.email') }]}>
                <Input autoComplete="email" />
              </Form.Item>
              <Form.Item name="mobile" label={t('user.mobile')} rules={[{ pattern: MOBILE_PATTERN, message: t('validation.mobile') }]}>
                <Input autoComplete="tel" maxLength={11} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('password.change')}>
            <ChangePasswordForm userName={user.userName} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** The forced change after a first sign-in or a reset by an administrator: this page and sign-out, nothing else. */
export function ForcedPasswordChangePage() {
  const t = useT();
  const user = useSessionUser();
  const navigate = useNavigate();
  if (!user) return <Navigate to="/login" replace />;
  if (!user.mustChangePassword) return <Navigate to={homeByRole[user.role as Role] ?? '/'} replace />;
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f3f1ee' }}>
      <Card style={{ width: 460 }} title={<span data-testid="page-title">{t('password.forcedTitle')}</span>}
        extra={<Button type="link" onClick={async () => { await signOut(); navigate('/login'); }}>{t('app.logout')}</Button>}>
        <p>{t('password.forcedHint', { name: user.displayName })}</p>
        <ChangePasswordForm userName={user.userName} />
      </Card>
    </div>
  );
}
