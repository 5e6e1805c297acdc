import { useState } from 'react';
import { Button, Card, Input, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { useIsTaskForce, useSessionUser } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView } from '../../components/Problem';
import { useOrganisationNames } from '../../lib/organisations';
import { CreateUserModal, creatableRoles } from './components/CreateUserModal';
import { UserTable } from './components/UserTable';
import { useUsers, type UserFilter } from './queries';

/** 用户管理 (task force; auditors read it): every account, searched and filtered. */
export function UsersPage() {
  const t = useT();
  const taskForce = useIsTaskForce();
  const [filter, setFilter] = useState<UserFilter>({ page: 1 });
  const [creating, setCreating] = useState(false);
  const list = useUsers(filter);
  const orgs = useOrganisationNames();
  return (
    <>
      <PageHeader title={t('menu.users')} extra={taskForce && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">{t('user.create')}</Button>} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('user.search')} style={{ width: 240 }} data-testid="user-search"
            onSearch={(q) => setFilter({ ...filter, q: q.trim() || undefined, page: 1 })} />
          <Select allowClear placeholder={t('user.role')} style={{ width: 150 }} onChange={(role) => setFilter({ ...filter, role, page: 1 })}
            options={creatableRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('user.organisation')} style={{ width: 260 }} options={orgs.options}
            onChange={(organisationId) => setFilter({ ...filter, organisationId, page: 1 })} />
          <Select allowClear placeholder={t('common.status')} style={{ width: 130 }} onChange={(v?: string) => setFilter({ ...filter, active: v === undefined ? undefined : v === 'active', page: 1 })}
            options={[{ value: 'active', label: t('user.active') }, { value: 'inactive', label: t('user.inactive') }]} />
        </Space>
        {list.isError ? <ErrorView error={list.error} onRetry={() => list.refetch()} codeless /> : (
          <UserTable data={list.data} loading={list.isFetching} page={filter.page} onPage={(page) => setFilter({ ...filter, page })}
            actions={taskForce} changeRole={taskForce} showOrganisation />
        )}
      </Card>
      {creating && <CreateUserModal scope="all" onClose={() => setCreating(false)} />}
    </>
  );
}

/** 本单位用户 (unit administrators of applicants and issuers): the organisation's users. */
export function OrgUsersPage() {
  const t = useT();
  const me = useSessionUser();
  const [filter, setFilter] = useState<UserFilter>({ page: 1 });
  const [creating, setCreating] = useState(false);
  const list = useUsers({ ...filter, organisationId: me?.organisationId ?? undefined });
  return (
    <>
      <PageHeader title={t('menu.org-users')} sub={me?.organisationName}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">{t('user.create')}</Button>} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('user.search')} style={{ width: 240 }} onSearch={(q) => setFilter({ ...filter, q: q.trim() || undefined, page: 1 })} />
        </Space>
        {list.isError ? <ErrorView error={list.error} onRetry={() => list.refetch()} codeless /> : (
          <UserTable data={list.data} loading={list.isFetching} page={filter.page} onPage={(page) => setFilter({ ...filter, page })} actions />
        )}
      </Card>
      {creating && <CreateUserModal scope="own" onClose={() => setCreating(false)} />}
    </>
  );
}
