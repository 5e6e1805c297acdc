import { Card, Table } from 'antd';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { QueryState } from '../../../components/Problem';
import { StatusTag } from '../../../components/StatusTag';
import { Money } from '../../../components/Money';
import { useBatchChallenges } from '../../challenges/queries';

export function BatchChallenges({ batchId }: { batchId: string }) {
  const t = useT();
  const list = useBatchChallenges(batchId);
  return (
    <Card title={t('batch.challenges')} style={{ marginBottom: 16 }}>
      <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty={t('challenge.empty')}>
        {(d) => (
          <Table<Schemas['ChallengeSummary']> rowKey="id" size="small" pagination={false} dataSource={d.items}
            columns={[
              { title: t('challenge.code'), dataIndex: 'code', render: (v, c) => <Link to={`/challenges/${c.id}`}>{v}</Link> },
              { title: t('challenge.title'), dataIndex: 'title' },
              { title: t('challenge.issuer'), dataIndex: 'issuerName' },
              { title: t('common.status'), dataIndex: 'status', render: (v) => <StatusTag kind="challenge" value={v} /> },
              { title: t('challenge.plannedInvestment'), dataIndex: 'plannedInvestmentFen', align: 'right', render: (v) => <Money fen={v} /> },
            ]} />
        )}
      </QueryState>
    </Card>
  );
}
