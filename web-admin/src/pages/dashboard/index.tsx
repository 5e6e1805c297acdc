import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import ReactECharts from 'echarts-for-react';
import dayjs from 'dayjs';
import { api, unwrap, type Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView } from '../../components/Problem';
import { Money } from '../../components/Money';
import { fenToWanText } from '../../lib/format';
import { useAgreements, useBudgets } from '../funding';

const challengeStatuses: Schemas['ChallengeStatus'][] = ['Draft', 'Submitted', 'UnderReview', 'Approved', 'Rejected', 'Published', 'Awarded', 'Unawarded', 'Completed', 'Terminated', 'Withdrawn'];
const publishedStatuses = new Set<Schemas['ChallengeStatus']>(['Published', 'Awarded', 'Unawarded', 'Completed', 'Terminated']);
const applicationStatuses: Schemas['ApplicationStatus'][] = ['Draft', 'Submitted', 'Eligible', 'Ineligible', 'UnderReview', 'Recommended', 'NotRecommended', 'Matched', 'Selected', 'NotSelected', 'Contracted', 'Withdrawn'];

/**
 * The task force's dashboard, computed from the list endpoints (counts via each list's total) and the agreements.
 * TODO: switch to the Funding dashboard endpoint (Funding_GetDashboard) once the API has it.
 */
export function DashboardPage() {
  const t = useT();
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
  const programmes = useQuery({ queryKey: ['programmes'], queryFn: () => unwrap(api.GET('/api/v1/programmes')) });
  const { agreements } = useAgreements();
  const budgets = useBudgets();
  const agreementChallenges = useQueries({
    queries: [...new Set(agreements.map((a) => a.challengeId))].map((id) => ({
      queryKey: ['challenge', id],
      queryFn: () => unwrap(api.GET('/api/v1/challenges/{id}', { params: { path: { id } } })),
    })),
  });
  const agreementApplications = useQueries({
    queries: agreements.map((a) => ({
      queryKey: ['application', a.applicationId],
      queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id: a.applicationId } } })),
    })),
  });

  const failed = [...challengeCounts, ...applicationCounts, eligible, programmes].find((q) => q.isError);
  if (failed) return <ErrorView error={failed.error} onRetry={() => failed.refetch()} />;

  const challengeBy = (s: Schemas['ChallengeStatus']) => challengeCounts[challengeStatuses.indexOf(s)]?.data ?? 0;
  const applicationBy = (s: Schemas['ApplicationStatus']) => applicationCounts[applicationStatuses.indexOf(s)]?.data ?? 0;
  const needs = challengeStatuses.filter((s) => s !== 'Draft').reduce((n, s) => n + challengeBy(s), 0);
  const published = challengeStatuses.filter((s) => publishedStatuses.has(s)).reduce((n, s) => n + challengeBy(s), 0);
  const applied = applicationStatuses.filter((s) => s !== 'Draft' && s !== 'Withdrawn').reduce((n, s) => n + applicationBy(s), 0);
  const selected = applicationBy('Selected') + applicationBy('Contracted');
  const contracted = agreements.length;
  const funnel = [
    { name: t('dashboard.needs'), value: needs },
    { name: t('dashboard.published'), value: published },
    { name: t('dashboard.applied'), value: applied },
    { name: t('dashboard.eligible'), value: eligible.data ?? 0 },
    { name: t('dashboard.selected'), value: selected },
    { name: t('dashboard.contracted'), value: contracted },
  ];

  const committed = budgets.rows.reduce((n, r) => n + (r.policy?.committedFen ?? 0), 0);
  const paid = budgets.rows.reduce((n, r) => n + (r.policy?.paidFen ?? 0), 0);
  const remaining = budgets.rows.reduce((n, r) => n + (r.policy?.availableFen ?? 0), 0);

  const challengeById = new Map(agreementChallenges.filter((q) => q.data).map((q) => [q.data!.id, q.data!]));
  const byField = new Map<string, { committed: number; paid: number }>();
  for (const a of agreements) {
    const field = challengeById.get(a.challengeId)?.fieldName ?? '…';
    const entry = byField.get(field) ?? { committed: 0, paid: 0 };
    entry.committed += a.balances.committedFen;
    entry.paid += a.balances.paidFen;
    byField.set(field, entry);
  }
  const consortia = agreementApplications.filter((q) => (q.data?.members.length ?? 0) > 1).length;
  const target = (programmes.data ?? []).reduce((n, p) => n + p.targetConsortia, 0);
  const days = agreements
    .map((a) => {
      const c = challengeById.get(a.challengeId);
      return c?.publishedAt ? dayjs(a.signedAt).diff(dayjs(c.publishedAt), 'day') : null;
    })
    .filter((d): d is number => d !== null)
    .sort((x, y) => x - y);
  const median = days.length ? days[Math.floor(days.length / 2)] : null;

  return (
    <>
      <PageHeader title={t('menu.dashboard')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.funnel')} data-testid="funnel">
            <ReactECharts style={{ height: 320 }} option={{
              animation: false,
              tooltip: { trigger: 'item', formatter: '{b}: {c}' },
              series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '8%', label: { show: true, position: 'inside', formatter: '{b} {c}' }, data: funnel }],
            }} />
            <Row gutter={8}>
              {funnel.map((f) => <Col key={f.name} span={4}><Statistic title={f.name} value={f.value} /></Col>)}
            </Row>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.money')} data-testid="money">
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col span={8}><Statistic title={t('funding.committed')} value={committed} formatter={() => <Money fen={committed} />} /></Col>
              <Col span={8}><Statistic title={t('funding.paid')} value={paid} formatter={() => <Money fen={paid} />} /></Col>
              <Col span={8}><Statistic title={t('funding.remaining')} value={remaining} formatter={() => <Money fen={remaining} />} /></Col>
            </Row>
            {byField.size === 0 ? <Typography.Text type="secondary">{t('dashboard.noAgreements')}</Typography.Text> : (
              <ReactECharts style={{ height: 220 }} option={{
                animation: false,
                tooltip: { trigger: 'axis' },
                legend: { data: [t('funding.committed'), t('funding.paid')] },
                xAxis: { type: 'category', data: [...byField.keys()] },
                yAxis: { type: 'value', name: t('money.wan') },
                series: [
                  { name: t('funding.committed'), type: 'bar', data: [...byField.values()].map((v) => Number(fenToWanText(v.committed).replace(/,/g, ''))) },
                  { name: t('funding.paid'), type: 'bar', data: [...byField.values()].map((v) => Number(fenToWanText(v.paid).replace(/,/g, ''))) },
                ],
              }} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('dashboard.consortia')}>
            <Statistic value={consortia} suffix={`/ ${target}`} data-testid="consortia" />
            <Typography.Text type="secondary">{t('dashboard.consortiaHint')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('dashboard.timeToAgreement')} data-testid="time-to-agreement">
            <Statistic value={median ?? '—'} suffix={median !== null ? t('dashboard.days') : undefined} />
            <Typography.Text type="secondary">{t('dashboard.timeHint', { n: days.length })}</Typography.Text>
          </Card>
        </Col>
        <Col span={24}>
          <Alert type="info" showIcon title={t('dashboard.source')} />
        </Col>
      </Row>
    </>
  );
}
