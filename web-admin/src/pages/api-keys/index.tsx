import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n, useT } from '../../i18n';
import { useIsTaskForce } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView } from '../../components/Problem';
import { formatDateTime } from '../../lib/format';
import { problemMessage } from '../../lib/errors';
import { CreateKeyModal, ShowKeyModal } from './components/KeyDialogs';
import { useApiKeys, useRevokeApiKey, useRotateApiKey, type ApiKeyItem, type CreatedKey } from './queries';

/** 接口密钥: the district portals' keys; created and rotated keys are shown once. */
export function ApiKeysPage() {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const taskForce = useIsTaskForce();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const rotate = useRotateApiKey();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<CreatedKey | null>(null);
  const fail = (e: unknown) => message.error(problemMessage(e, locale, t));
  return (
    <>
      <PageHeader title={t('menu.api-keys')} extra={taskForce && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-key">{t('apiKey.create')}</Button>} />
      <Card>
        {keys.isError ? <ErrorView error={keys.error} onRetry={() => keys.refetch()} codeless /> : (
          <Table<ApiKeyItem> rowKey="id" loading={keys.isFetching} dataSource={keys.data} pagination={false} data-testid="key-table"
            columns={[
              { title: t('apiKey.name'), dataIndex: 'name', render: (v, k) => <>{v}{k.isDemo && <Tag color="gold" style={{ marginLeft: 4 }}>{t('common.demo')}</Tag>}</> },
              { title: t('apiKey.prefix'), dataIndex: 'prefix', render: (v) => <code>{v}…</code> },
              { title: t('apiKey.district'), dataIndex: 'districtCode' },
              { title: t('apiKey.createdAt'), dataIndex: 'createdAt', render: (v: string, k) => `${formatDateTime(v)}${k.createdBy ? ` · ${k.createdBy}` : ''}` },
              { title: t('apiKey.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? formatDateTime(v) : t('apiKey.neverUsed')) },
              { title: t('common.status'), dataIndex: 'active', render: (v: boolean, k) => (
                <Tag color={v ? 'green' : 'default'} data-status={v ? 'Active' : 'Revoked'}>{v ? t('apiKey.active') : t('apiKey.revokedAt', { at: formatDateTime(k.revokedAt) })}</Tag>
              ) },
              ...(taskForce ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, k: ApiKeyItem) => k.active && (
                <Space size={0}>
                  <Popconfirm title={t('apiKey.rotateConfirm')} onConfirm={() => rotate.mutateAsync(k).then(setShown, fail)}>
                    <Button size="small" type="link" data-testid={`rotate-${k.prefix}`}>{t('apiKey.rotate')}</Button>
                  </Popconfirm>
                  <Popconfirm title={t('apiKey.revokeConfirm')} onConfirm={() => revoke.mutateAsync(k).then(() => message.success(t('apiKey.revoked')), fail)}>
                    <Button size="small" type="link" danger data-testid={`revoke-${k.prefix}`}>{t('apiKey.revoke')}</Button>
                  </Popconfirm>
                </Space>
              ) }] : []),
            ]} />
        )}
      </Card>
      {creating && <CreateKeyModal onClose={() => setCreating(false)} onCreated={(c) => { setCreating(false); setShown(c); }} />}
      {shown && <ShowKeyModal created={shown} onClose={() => setShown(null)} />}
    </>
  );
}
