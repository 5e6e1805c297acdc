import { useState } from 'react';
import { Alert, Card, Col, Empty, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import ReactECharts from 'echarts-for-react';
import { api, unwrap, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView, QueryState } from '../../components/Problem';
import { Money } from '../../components/Money';
import { fenToWanText } from '../../lib/format';

const challengeStatuses: Schemas['ChallengeStatus'][] = ['Draft', 'Submitted', 'UnderReview', 'Approved', 'Rejected', 'Published', 'Awarded', 'Unawarded', 'Completed', 'Terminated', 'Withdrawn'];
const publishedStatuses = new Set<Schemas['ChallengeStatus']>(['Published', 'Awarded', 'Unawarded', 'Completed', 'Terminated']);
const applicationStatuses: Schemas['ApplicationStatus'][] = ['Draft', 'Submitted', 'Eligible', 'Ineligible', 'UnderReview', 'Recommended', 'NotRecommended', 'Matched', 'Selected', 'NotSelected', 'Contracted', 'Withdrawn'];

const wan = (fen: number) => Number(fenToWanText(fen).replace(/,/g, ''));

/**
 * The task force's and auditors' dashboard: the funnel over every batch (counts via each list's total), and the
 * selected programme's funding dashboard (Funding_GetDashboard) for consortia, awards, money, time to signing and
 * procurement.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const programmes = useQuery({ queryKey: ['programmes'], queryFn: () => unwrap(api.GET('/api/v1/programmes')) });
  const [chosen, setChosen] = useState<string>();
  const programmeId = chosen ?? programmes.data?.find((p) => !p.isDemo)?.id ?? programmes.data?.[0]?.id;
  return (
    <>
      <PageHeader
        title={t('menu.dashboard')}
        extra={programmes.data && programmes.data.length > 0 && (
          <Space>
            <Typography.Text type="secondary">{t('dashboard.programme')}</Typography.Text>
            <Select style={{ minWidth: 280 }} value={programmeId} onChange={setChosen} data-testid="dashboard-programme"
              options={programmes.data.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))} />
          </Space>
        )}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}><Funnel /></Col>
        <Col xs={24} lg={12}>
          {programmes.isError ? <ErrorView error={programmes.error} onRetry={() => programmes.refetch()} />
            : programmeId ? <ProgrammeMoney programmeId={programmeId} />
            : <Card loading={programmes.isPending}><Empty description={t('dashboard.noProgramme')} /></Card>}
        </Col>
        {programmeId && <ProgrammeFigures programmeId={programmeId} />}
        <Col span={24}>
          <Alert type="info" showIcon title={t('dashboard.source')} />
        </Col>
      </Row>
    </>
  );
}

function useDashboard(programmeId: string) {
  return useQuery({
    queryKey: ['dashboard', programmeId],
    queryFn: () => unwrap(api.GET('/api/v1/programmes/{programmeId}/dashboard', { params: { path: { programmeId } } })),
  });
}

function Funnel() {
  const { t } = useI18n();
  const challengeCounts = useQueries({
    queries: challengeStatuses.map((status) => ({
      queryKey: ['count', 'challenges', status],
      queryFn: async () => (await unwrap(api.GET('/api/v1/challenges', { params: { query: { status, pageSize: 1 } } }))).total,
    })),
  });
  const applicationCounts = useQueries({
    queries: applicationStatuses.map((status) => ({
      queryKey: ['count', 'applications', status],
      queryFn: async () => (await unwrap(api.GET('/api/v1/applications', { params: { query: { status, pageSize: 1 } } }))).total,
    })),
  });
  const eligible = useQuery({
    queryKey: ['count', 'applications', 'eligible'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/applications', { params: { query: { eligibility: 'Eligible', pageSize: 1 } } }))).total,
  });
  const failed = [...challengeCounts, ...applicationCounts, eligible].find((q) => q.isError);
  if (failed) return <ErrorView error={failed.error} onRetry={() => failed.refetch()} />;

  const challengeBy = (s: Schemas['ChallengeStatus']) => challengeCounts[challengeStatuses.indexOf(s)]?.data ?? 0;
  const applicationBy = (s: Schemas['ApplicationStatus']) => applicationCounts[applicationStatuses.indexOf(s)]?.data ?? 0;
  const funnel = [
    { name: t('dashboard.needs'), value: challengeStatuses.filter((s) => s !== 'Draft').reduce((n, s) => n + challengeBy(s), 0) },
    { name: t('dashboard.published'), value: challengeStatuses.filter((s) => publishedStatuses.has(s)).reduce((n, s) => n + challengeBy(s), 0) },
    { name: t('dashboard.applied'), value: applicationStatuses.filter((s) => s !== 'Draft' && s !== 'Withdrawn').reduce((n, s) => n + applicationBy(s), 0) },
    { name: t('dashboard.eligible'), value: eligible.data ?? 0 },
    // A signed application moves on from Selected to Contracted.
    { name: t('dashboard.selected'), value: applicationBy('Selected') + applicationBy('Contracted') },
    { name: t('dashboard.contracted'), value: applicationBy('Contracted') },
  ];
  return (
    <Card title={t('dashboard.funnel')} data-testid="funnel" style={{ height: '100%' }}>
      <ReactECharts style={{ height: 320 }} option={{
        animation: false,
        tooltip: { trigger: 'item', formatter: '{b}: {c}' },
        series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '8%', label: { show: true, position: 'inside', formatter: '{b} {c}' }, data: funnel }],
      }} />
      <Row gutter={8}>
        {funnel.map((f) => <Col key={f.name} span={4}><Statistic title={f.name} value={f.value} /></Col>)}
      </Row>
    </Card>
  );
}

function ProgrammeMoney({ programmeId }: { programmeId: string }) {
  const { t, locale } = useI18n();
  const dashboard = useDashboard(programmeId);
  return (
    <Card title={t('dashboard.money')} data-testid="money" style={{ height: '100%' }}>
      <QueryState query={dashboard}>
        {(d) => (
          <>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col span={8}><Statistic title={t('funding.committed')} value={d.totals.committedFen} formatter={() => <Money fen={d.totals.committedFen} />} /></Col>
              <Col span={8}><Statistic title={t('funding.paid')} value={d.totals.paidFen} formatter={() => <Money fen={d.totals.paidFen} />} /></Col>
              <Col span={8}><Statistic title={t('dashboard.unpaid')} value={d.totals.remainingFen} formatter={() => <Money fen={d.totals.remainingFen} />} /></Col>
            </Row>
            {d.fields.length === 0 ? <Typography.Text type="secondary">{t('dashboard.noAgreements')}</Typography.Text> : (
              <ReactECharts style={{ height: 220 }} option={{
                animation: false,
                tooltip: { trigger: 'axis' },
                legend: { data: [t('funding.committed'), t('funding.paid')] },
                xAxis: { type: 'category', data: d.fields.map((f) => (locale === 'zh-CN' ? f.nameZh : f.nameEn)) },
                yAxis: { type: 'value', name: t('money.wan') },
                series: [
                  { name: t('funding.committed'), type: 'bar', data: d.fields.map((f) => wan(f.money.committedFen)) },
                  { name: t('funding.paid'), type: 'bar', data: d.fields.map((f) => wan(f.money.paidFen)) },
                ],
              }} />
            )}
          </>
        )}
      </QueryState>
    </Card>
  );
}

function ProgrammeFigures({ programmeId }: { programmeId: string }) {
  const { t } = useI18n();
  const dashboard = useDashboard(programmeId);
  if (!dashboard.data) return null; // ProgrammeMoney shows the loading and the error.
  const d = dashboard.data;
  const median = d.timeToSigning.days;
  return (
    <>
      <Col xs={24} md={8}>
        <Card title={t('dashboard.consortia')} style={{ height: '100%' }}>
          <Statistic value={d.consortia.formed} suffix={`/ ${d.consortia.target}`} data-testid="consortia" />
          <Typography.Text type="secondary">
            {t('dashboard.consortiaHint', { year: d.consortia.targetYear, n: d.consortia.agreements, m: d.consortia.agreementsWithApplicantConsortium })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card title={t('dashboard.timeToAgreement')} data-testid="time-to-agreement" style={{ height: '100%' }}>
          <Statistic value={median ?? '—'} precision={median == null ? undefined : 1} suffix={median != null ? t('dashboard.days') : undefined} />
          <Typography.Text type="secondary">{t('dashboard.timeHint', { n: d.timeToSigning.agreements })}</Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card title={t('dashboard.procurement')} data-testid="procurement" style={{ height: '100%' }}>
          <Row gutter={8}>
            <Col span={8}><Statistic title={t('dashboard.procurementProjects')} value={d.procurement.projects} /></Col>
            <Col span={8}><Statistic title={t('dashboard.procurementContracts')} value={d.procurement.contracts} /></Col>
            <Col span={8}><Statistic title={t('dashboard.procurementAmount')} value={d.procurement.amountFen} formatter={() => <Money fen={d.procurement.amountFen} />} /></Col>
          </Row>
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('dashboard.batches')}>
          <Table<Schemas['BatchFigures']> rowKey="batchId" size="small" pagination={false} dataSource={d.batches} data-testid="dashboard-batches"
            columns={[
              { title: t('challenge.batch'), render: (_, b) => `${b.code} · ${b.name}` },
              { title: t('dashboard.published'), dataIndex: 'published', align: 'right' },
              { title: t('dashboard.awarded'), dataIndex: 'awarded', align: 'right' },
              { title: t('dashboard.unawarded'), dataIndex: 'unawarded', align: 'right' },
              { title: t('dashboard.undecided'), dataIndex: 'undecided', align: 'right' },
              { title: t('funding.totalBudget'), dataIndex: 'budgetFen', align: 'right', render: (v: number | null | undefined) => (v == null ? t('funding.noPolicy') : <Money fen={v} />) },
              { title: t('funding.committed'), align: 'right', render: (_, b) => <Money fen={b.money.committedFen} /> },
              { title: t('funding.paid'), align: 'right', render: (_, b) => <Money fen={b.money.paidFen} /> },
              { title: t('dashboard.unpaid'), align: 'right', render: (_, b) => <Money fen={b.money.remainingFen} /> },
            ]} />
        </Card>
      </Col>
    </>
  );
}
