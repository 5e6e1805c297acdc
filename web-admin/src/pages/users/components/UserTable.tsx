import { useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useI18n, useT, byKey } from '../../../i18n';
import { useSessionUser } from '../../../auth/useSession';
import { formatDateTime } from '../../../lib/format';
import { problemMessage } from '../../../lib/errors';
import { useSetUserActive, type UserItem } from '../queries';
import { ChangeRoleModal, ResetPasswordModal } from './UserDialogs';

/** Users with their state; `actions` adds deactivate/reactivate and reset (and role changes for the task force). */
export function UserTable({ data, loading, page, onPage, actions, changeRole, showOrganisation }: {
  data?: { items: UserItem[]; total: number };
  loading: boolean;
  page: number;
  onPage: (page: number) => void;
  actions: boolean;
  changeRole?: boolean;
  showOrganisation?: boolean;
}) {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const me = useSessionUser();
  const setActive = useSetUserActive();
  const [resetting, setResetting] = useState<UserItem | null>(null);
  const [changing, setChanging] = useState<UserItem | null>(null);
  const toggle = (user: UserItem, active: boolean) => setActive.mutateAsync({ user, active }).then(
    () => message.success(t(active ? 'user.reactivated' : 'user.deactivated', { name: user.displayName })),
    (e) => message.error(problemMessage(e, locale, t)),
  );

  return (
    <>
      <Table<UserItem> rowKey="id" loading={loading} dataSource={data?.items} data-testid="user-table"
        pagination={{ current: page, pageSize: 20, total: data?.total, onChange: onPage, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          { title: t('user.displayName'), dataIndex: 'displayName', render: (v, u) => <>{v}{u.isDemo && <Tag color="gold" style={{ marginLeft: 4 }}>{t('common.demo')}</Tag>}</> },
          { title: t('login.userName'), dataIndex: 'userName', render: (v) => <code>{v}</code> },
          { title: t('user.role'), dataIndex: 'role', render: (v: string, u) => <>{byKey(t, `role.${v}`)}{u.orgAdmin && <Tag color="blue" style={{ marginLeft: 4 }}>{t('user.orgAdmin')}</Tag>}</> },
          ...(showOrganisation ? [{ title: t('user.organisation'), dataIndex: 'organisationName', render: (v: string | null) => v ?? '—' }] : []),
          { title: t('user.contact'), render: (_, u) => [u.mobile, u.email].filter(Boolean).join(' · ') || '—' },
          { title: t('common.status'), dataIndex: 'active', render: (v: boolean, u) => <>
            <Tag color={v ? 'green' : 'default'} data-status={v ? 'Active' : 'Inactive'}>{t(v ? 'user.active' : 'user.inactive')}</Tag>
            {u.mustChangePassword && v && <Tag color="orange">{t('user.mustChange')}</Tag>}
          </> },
          { title: t('user.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          ...(actions ? [{
            title: t('common.actions'), key: 'actions',
            render: (_: unknown, u: UserItem) => u.id === me?.id ? null : (
              <Space size={0} wrap>
                {u.active ? (
                  <Popconfirm title={t('user.deactivateConfirm', { name: u.displayName })} onConfirm={() => toggle(u, false)}>
                    <Button size="small" type="link" danger data-testid={`deactivate-${u.userName}`}>{t('user.deactivate')}</Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" type="link" data-testid={`reactivate-${u.userName}`} onClick={() => toggle(u, true)}>{t('user.reactivate')}</Button>
                )}
                <Button size="small" type="link" data-testid={`reset-${u.userName}`} onClick={() => setResetting(u)}>{t('user.resetPassword')}</Button>
                {changeRole && <Button size="small" type="link" data-testid={`role-${u.userName}`} onClick={() => setChanging(u)}>{t('user.changeRole')}</Button>}
              </Space>
            ),
          }] : []),
        ]} />
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
      {changing && <ChangeRoleModal user={changing} onClose={() => setChanging(null)} />}
    </>
  );
}
