import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Result, Space, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n';
import { PublicShell } from '../../components/PublicShell';
import { ErrorView } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../lib/format';
import { RegistrationForm } from './components/RegistrationForm';
import { lastToken, useRegistrationStatus, type RegistrationReceipt } from './queries';

/** 单位注册 (public): the form, then the reference and the status token, shown once. */
export function RegisterPage() {
  const t = useT();
  const [receipt, setReceipt] = useState<RegistrationReceipt | null>(null);
  if (receipt) {
    return (
      <PublicShell title={t('registration.submittedTitle')}>
        <Result status="success" title={t('registration.submittedTitle')} subTitle={t('registration.submittedHint')} style={{ padding: 0 }} />
        <Descriptions column={1} bordered size="small" style={{ margin: '16px 0' }} items={[
          { label: t('registration.reference'), children: <Typography.Text copyable data-testid="registration-reference">{receipt.reference}</Typography.Text> },
          { label: t('registration.statusToken'), children: (
            <Typography.Text copyable={{ text: receipt.statusToken, tooltips: [t('common.copy'), t('common.copied')] }} code data-testid="status-token">{receipt.statusToken}</Typography.Text>
          ) },
          { label: t('registration.submittedAt'), children: formatDateTime(receipt.submittedAt) },
        ]} />
        <Alert type="warning" showIcon title={t('registration.tokenOnce')} style={{ marginBottom: 16 }} />
        <Link to={`/register/status`} data-testid="check-status-link"><Button type="primary">{t('registration.checkStatus')}</Button></Link>
      </PublicShell>
    );
  }
  return (
    <PublicShell title={t('menu.register')} width={720}>
      <Typography.Paragraph type="secondary">{t('registration.intro')}</Typography.Paragraph>
      <RegistrationForm onSubmitted={(r) => { lastToken.set(r.statusToken); setReceipt(r); }} />
    </PublicShell>
  );
}

/** 注册进度 (public): the status of a registration by its token; the last token received here is filled in. */
export function RegistrationStatusPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [token, setToken] = useState(params.get('token') ?? lastToken.get());
  const [form] = Form.useForm<{ token: string }>();
  const status = useRegistrationStatus(token);
  return (
    <PublicShell title={t('menu.registrationStatus')}>
      <Form form={form} layout="inline" initialValues={{ token }} style={{ marginBottom: 16 }}
        onFinish={(v) => {
          const next = v.token.trim();
          lastToken.set(next);
          if (next === token) void status.refetch();
          else setToken(next);
        }}>
        <Form.Item name="token" label={t('registration.statusToken')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]} style={{ flex: 1 }}>
          <Input data-testid="status-token-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="status-query">{t('registration.query')}</Button>
      </Form>
      {token !== '' && (status.isPending ? null : status.isError ? (status.error instanceof ApiError && status.error.status === 404
        ? <Alert type="warning" showIcon title={t('registration.tokenUnknown')} data-testid="token-unknown" />
        : <ErrorView error={status.error} codeless />) : (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="registration-status">
          <Descriptions column={1} bordered size="small" items={[
            { label: t('registration.name'), children: status.data.name },
            { label: t('organisation.creditCode'), children: <code>{status.data.creditCode}</code> },
            { label: t('common.status'), children: <StatusTag kind="registration" value={status.data.status} /> },
            { label: t('registration.submittedAt'), children: formatDateTime(status.data.submittedAt) },
            ...(status.data.reviewedAt ? [{ label: t('registration.reviewedAt'), children: formatDateTime(status.data.reviewedAt) }] : []),
            ...(status.data.rejectionReason ? [{ label: t('registration.rejectionReason'), children: status.data.rejectionReason }] : []),
          ]} />
          {status.data.status === 'Approved' && <Alert type="success" showIcon title={t('registration.approvedHint')} />}
          {status.data.status === 'Rejected' && <Alert type="info" showIcon title={t('registration.rejectedHint')} action={<Link to="/register">{t('menu.register')}</Link>} />}
        </Space>
      ))}
    </PublicShell>
  );
}
