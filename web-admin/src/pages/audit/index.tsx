import { useState } from 'react';
import { Card, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Schemas } from '../../api/client';
import { useT, byKey } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView } from '../../components/Problem';
import { formatDateTime } from '../../lib/format';
import { useAuditLog } from './queries';

const entityTypes = ['Programme', 'Batch', 'Challenge', 'Application', 'Organisation', 'Round', 'Expert', 'Assignment', 'Agreement', 'FundingPolicy', 'ProgressReport', 'User', 'ApiKey'];

export function AuditPage() {
  const t = useT();
  const [filter, setFilter] = useState<{ entityType?: string; action?: string; entityId?: string; range?: [Dayjs, Dayjs] | null; page: number }>({ page: 1 });
  const query = {
    entityType: filter.entityType, action: filter.action, entityId: filter.entityId,
    from: filter.range?.[0]?.startOf('day').toISOString(), to: filter.range?.[1]?.endOf('day').toISOString(),
    page: filter.page, pageSize: 50,
  };
  const list = useAuditLog(query);
  return (
    <>
      <PageHeader title={t('menu.audit')} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select allowClear placeholder={t('audit.entityType')} style={{ width: 180 }} onChange={(entityType) => setFilter({ ...filter, entityType, page: 1 })}
            options={entityTypes.map((v) => ({ value: v, label: v }))} />
          <Input.Search allowClear placeholder={t('audit.action')} style={{ width: 180 }} onSearch={(v) => setFilter({ ...filter, action: v || undefined, page: 1 })} />
          <Input.Search allowClear placeholder={t('audit.entityId')} style={{ width: 320 }} onSearch={(v) => setFilter({ ...filter, entityId: v || undefined, page: 1 })} />
          <DatePicker.RangePicker onChange={(range) => setFilter({ ...filter, range: range as [Dayjs, Dayjs] | null, page: 1 })} />
        </Space>
        {list.isError ? <ErrorView error={list.error} onRetry={() => list.refetch()} /> : (
          <Table<Schemas['AuditEntry']> rowKey="id" size="small" loading={list.isFetching} dataSource={list.data?.items} data-testid="audit-table"
            pagination={{ current: filter.page, pageSize: 50, total: list.data?.total, onChange: (page) => setFilter({ ...filter, page }), showTotal: (n) => t('common.total', { n }) }}
            columns={[
              { title: t('audit.time'), dataIndex: 'occurredAt', width: 150, render: (v) => formatDateTime(v) },
              { title: t('audit.actor'), render: (_, e) => `${e.actorName}（${byKey(t, `role.${e.actorRole}`)}）`, width: 200 },
              { title: t('audit.module'), dataIndex: 'module', width: 110 },
              { title: t('audit.entityType'), dataIndex: 'entityType', width: 120 },
              { title: t('audit.action'), dataIndex: 'action', width: 140 },
              { title: t('audit.summary'), dataIndex: 'summary', render: (v) => <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: v }}>{v ?? '—'}</Typography.Text> },
            ]} />
        )}
      </Card>
    </>
  );
}
