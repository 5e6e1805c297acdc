import { Card, Col, Row, Statistic } from 'antd';
import ReactECharts from 'echarts-for-react';
import type { Schemas } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { ErrorView } from '../../../components/Problem';
import { useApplicationCounts, useChallengeCounts, useEligibleCount } from '../queries';

const challengeStatuses: Schemas['ChallengeStatus'][] = ['Draft', 'Submitted', 'UnderReview', 'Approved', 'Rejected', 'Published', 'Awarded', 'Unawarded', 'Completed', 'Terminated', 'Withdrawn'];
const publishedStatuses = new Set<Schemas['ChallengeStatus']>(['Published', 'Awarded', 'Unawarded', 'Completed', 'Terminated']);
const applicationStatuses: Schemas['ApplicationStatus'][] = ['Draft', 'Submitted', 'Eligible', 'Ineligible', 'UnderReview', 'Recommended', 'NotRecommended', 'Matched', 'Selected', 'NotSelected', 'Contracted', 'Withdrawn'];

export function Funnel() {
  const { t } = useI18n();
  const challengeCounts = useChallengeCounts(challengeStatuses);
  const applicationCounts = useApplicationCounts(applicationStatuses);
  const eligible = useEligibleCount();
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
