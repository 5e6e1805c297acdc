import { Button, Card, Input, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { useRole, useSessionUser } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView } from '../../components/Problem';
import { PhaseBadge } from '../../components/PhaseBadge';
import { StatusTag } from '../../components/StatusTag';
import { Money } from '../../components/Money';
import { useFieldOptions } from '../../lib/useFields';
import { useChallenges } from './queries';
import { useBatchOptions } from '../programmes/queries';

const statuses: Schemas['ChallengeStatus'][] = ['Draft', 'Submitted', 'UnderReview', 'Approved', 'Rejected', 'Published', 'Awarded', 'Unawarded', 'Completed', 'Terminated', 'Withdrawn'];

export function ChallengesPage() {
  const t = useT();
  const role = useRole();
  const user = useSessionUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const fieldOptions = useFieldOptions();
  const { options: batchOptions } = useBatchOptions();
  const filter = {
    batch: params.get('batch') ?? undefined,
    field: (params.get('field') ?? undefined) as Schemas['ChallengeField'] | undefined,
    phase: (params.get('phase') ?? undefined) as Schemas['ApplicationPhase'] | undefined,
    status: (params.get('status') ?? undefined) as Schemas['ChallengeStatus'] | undefined,
    q: params.get('q') ?? undefined,
    // An issuer works on its own needs.
    organisation: role === 'Issuer' ? user?.organisationId ?? undefined : undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: 20,
  };
  const list = useChallenges(filter);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  return (
    <>
      <PageHeader
        title={t(role === 'Issuer' ? 'menu.challenges.own' : 'menu.challenges')}
        extra={role === 'Issuer' && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/challenges/new')}>{t('challenge.create')}</Button>}
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select allowClear placeholder={t('challenge.batch')} style={{ width: 240 }} options={batchOptions} value={filter.batch} onChange={(v) => set('batch', v)} />
          <Select allowClear placeholder={t('challenge.field')} style={{ width: 180 }} options={fieldOptions} value={filter.field} onChange={(v) => set('field', v)} />
          <Select allowClear placeholder={t('batch.phase')} style={{ width: 140 }} value={filter.phase} onChange={(v) => set('phase', v)}
            options={(['NotYetOpen', 'Open', 'Closed'] as const).map((p) => ({ value: p, label: t(`phase.${p}`) }))} />
          <Select allowClear placeholder={t('common.status')} style={{ width: 140 }} value={filter.status} onChange={(v) => set('status', v)} data-testid="filter-status"
            options={statuses.map((s) => ({ value: s, label: t(`status.challenge.${s}`) }))} />
          <Input.Search allowClear placeholder={t('challenge.search')} defaultValue={filter.q} onSearch={(v) => set('q', v || undefined)} style={{ width: 240 }} />
        </Space>
        {list.isError ? <ErrorView error={list.error} onRetry={() => list.refetch()} /> : (
          <Table<Schemas['ChallengeSummary']>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items}
            locale={{ emptyText: t('challenge.empty') }}
            pagination={{ current: filter.page, pageSize: filter.pageSize, total: list.data?.total, onChange: (p) => set('page', String(p)), showTotal: (n) => t('common.total', { n }) }}
            columns={[
              { title: t('challenge.code'), dataIndex: 'code', width: 150, render: (v, c) => <Link to={`/challenges/${c.id}`}>{v}</Link> },
              { title: t('challenge.title'), dataIndex: 'title' },
              { title: t('challenge.field'), dataIndex: 'fieldName', width: 140 },
              { title: t('challenge.issuer'), dataIndex: 'issuerName', width: 200 },
              { title: t('challenge.batch'), dataIndex: 'batchCode', width: 130 },
              { title: t('batch.phase'), width: 160, render: (_, c) => <PhaseBadge phase={c.phase} opensOn={c.opensOn} closesOn={c.closesOn} closesAt={c.closesAt} /> },
              { title: t('common.status'), dataIndex: 'status', width: 100, render: (v) => <StatusTag kind="challenge" value={v} /> },
              { title: t('challenge.plannedInvestment'), dataIndex: 'plannedInvestmentFen', align: 'right', width: 130, render: (v) => <Money fen={v} /> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
