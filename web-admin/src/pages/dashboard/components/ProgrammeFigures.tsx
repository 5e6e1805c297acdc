import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { Schemas } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { Money } from '../../../components/Money';
import { useDashboard } from '../queries';

export function ProgrammeFigures({ programmeId }: { programmeId: string }) {
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
