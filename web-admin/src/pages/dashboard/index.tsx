import { useState } from 'react';
import { Alert, Card, Col, Empty, Row, Select, Space, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { ErrorView } from '../../components/Problem';
import { useProgrammes } from '../programmes/queries';
import { Funnel } from './components/Funnel';
import { ProgrammeMoney } from './components/ProgrammeMoney';
import { ProgrammeFigures } from './components/ProgrammeFigures';

/**
 * The task force's and auditors' dashboard: the funnel over every batch (counts via each list's total), and the
 * selected programme's funding dashboard (Funding_GetDashboard) for consortia, awards, money, time to signing and
 * procurement.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const programmes = useProgrammes();
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
