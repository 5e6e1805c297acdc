import { Col, Row, Statistic } from 'antd';
import { useT } from '../../../i18n';
import { Money } from '../../../components/Money';

export function BudgetSummary({ committed, paid, total }: { committed: number; paid: number; total: number }) {
  const t = useT();
  return (
    <Row gutter={16}>
      <Col span={8}><Statistic title={t('funding.committed')} value={committed} formatter={() => <Money fen={committed} />} /></Col>
      <Col span={8}><Statistic title={t('funding.paid')} value={paid} formatter={() => <Money fen={paid} />} /></Col>
      <Col span={8}><Statistic title={t('funding.remaining')} value={total} formatter={() => <Money fen={total} />} /></Col>
    </Row>
  );
}
