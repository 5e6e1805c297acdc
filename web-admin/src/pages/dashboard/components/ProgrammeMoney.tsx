import { Card, Col, Row, Statistic, Typography } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../../components/Problem';
import { Money } from '../../../components/Money';
import { fenToWanText } from '../../../lib/format';
import { useDashboard } from '../queries';

const wan = (fen: number) => Number(fenToWanText(fen).replace(/,/g, ''));

export function ProgrammeMoney({ programmeId }: { programmeId: string }) {
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
