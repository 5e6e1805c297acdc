import { useState } from 'react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { QueryState } from '../../../components/Problem';
import { PhaseBadge } from '../../../components/PhaseBadge';
import { StatusTag } from '../../../components/StatusTag';
import { useProgrammeBatches } from '../queries';
import { CreateBatchModal } from './CreateBatchModal';

export function ProgrammeCard({ programme, canAct }: { programme: Schemas['Programme']; canAct: boolean }) {
  const t = useT();
  const batches = useProgrammeBatches(programme.id);
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={<Space>{programme.name}<Tag>{programme.code}</Tag>{programme.isDemo && <Tag color="gold">{t('common.demo')}</Tag>}</Space>}
      extra={canAct && <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={`create-batch-${programme.code}`}>{t('batch.create')}</Button>}
      data-testid={`programme-${programme.code}`}
    >
      <p style={{ marginTop: 0 }}>
        {programme.operatorName} · {t('programme.target', { n: programme.targetConsortia, year: programme.targetYear })}
      </p>
      <QueryState query={batches} isEmpty={(d) => d.length === 0} empty={t('batch.empty')}>
        {(list) => (
          <Table<Schemas['Batch']>
            rowKey="id"
            size="middle"
            pagination={false}
            dataSource={list}
            columns={[
              { title: t('batch.code'), dataIndex: 'code', render: (v, b) => <Link to={`/batches/${b.id}`}>{v}</Link> },
              { title: t('batch.name'), dataIndex: 'name' },
              { title: t('batch.window'), render: (_, b) => `${b.opensOn} ~ ${b.closesOn}` },
              { title: t('batch.phase'), render: (_, b) => <PhaseBadge phase={b.phase} opensOn={b.opensOn} closesOn={b.closesOn} closesAt={b.closesAt} /> },
              { title: t('common.status'), dataIndex: 'status', render: (v) => <StatusTag kind="batch" value={v} /> },
              { title: t('batch.publishedChallenges'), dataIndex: 'publishedChallenges', align: 'right' },
            ]}
          />
        )}
      </QueryState>
      {creating && <CreateBatchModal programmeId={programme.id} onClose={() => setCreating(false)} />}
    </Card>
  );
}
