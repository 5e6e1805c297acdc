import { useState } from 'react';
import { Card, Input, Segmented, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../lib/format';
import { registrationStatuses, useRegistrations, type RegistrationFilter, type RegistrationStatus } from './queries';

type Item = NonNullable<ReturnType<typeof useRegistrations>['data']>['items'][number];

/** 注册审核: the queue of unit registrations, pending first. */
export function RegistrationsPage() {
  const t = useT();
  const [filter, setFilter] = useState<RegistrationFilter>({ status: 'Pending', page: 1 });
  const list = useRegistrations(filter);
  return (
    <>
      <PageHeader title={t('menu.registrations')} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented value={filter.status ?? 'all'} data-testid="registration-status-filter"
            options={[...registrationStatuses.map((s) => ({ value: s as string, label: t(`status.registration.${s}`) })), { value: 'all', label: t('common.all') }]}
            onChange={(v) => setFilter({ ...filter, status: v === 'all' ? undefined : (v as RegistrationStatus), page: 1 })} />
          <Input.Search allowClear placeholder={t('registration.search')} style={{ width: 260 }} onSearch={(q) => setFilter({ ...filter, q: q.trim() || undefined, page: 1 })} />
        </Space>
        {list.isError ? <ErrorView error={list.error} onRetry={() => list.refetch()} codeless /> : (
          <Table<Item> rowKey="id" loading={list.isFetching} dataSource={list.data?.items} data-testid="registration-table"
            pagination={{ current: filter.page, pageSize: 20, total: list.data?.total, onChange: (page) => setFilter({ ...filter, page }), showTotal: (n) => t('common.total', { n }) }}
            columns={[
              { title: t('registration.name'), dataIndex: 'name', render: (v, r) => <><Link to={`/registrations/${r.id}`}>{v}</Link>{r.isDemo && <Tag color="gold" style={{ marginLeft: 4 }}>{t('common.demo')}</Tag>}</> },
              { title: t('organisation.creditCode'), dataIndex: 'creditCode', render: (v) => <code>{v}</code> },
              { title: t('organisation.type'), dataIndex: 'orgType', render: (v: string) => t(`orgType.${v as 'Enterprise'}`) },
              { title: t('registration.adminUserName'), dataIndex: 'adminUserName', render: (v) => <code>{v}</code> },
              { title: t('common.status'), dataIndex: 'status', render: (v: string) => <StatusTag kind="registration" value={v} /> },
              { title: t('registration.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => formatDateTime(v) },
              { title: t('registration.reviewedAt'), dataIndex: 'reviewedAt', render: (v: string | null) => formatDateTime(v) },
            ]} />
        )}
      </Card>
    </>
  );
}
