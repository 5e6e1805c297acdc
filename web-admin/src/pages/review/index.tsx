import { useState } from 'react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { useIsTaskForce } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../lib/format';
import { CreateRoundModal } from './components/CreateRoundModal';
import { useRounds } from './queries';

/** The review rounds, newest first (Rounds_List). */
export function ReviewPage() {
  const t = useT();
  const canAct = useIsTaskForce();
  const rounds = useRounds();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title={t('menu.review')} extra={canAct && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-round">{t('round.create')}</Button>} />
      <Card>
        <QueryState query={rounds} isEmpty={(d) => d.length === 0} empty={t('round.empty')}>
          {(data) => (
            <Table<Schemas['RoundSummary']> rowKey="id" dataSource={data} pagination={data.length > 20 ? { pageSize: 20 } : false} data-testid="rounds-table"
              columns={[
                { title: t('round.name'), dataIndex: 'name', render: (v, r) => <Space><Link to={`/review/rounds/${r.id}`}>{v}</Link>{r.isDemo && <Tag>{t('common.demo')}</Tag>}</Space> },
                { title: t('round.kind'), dataIndex: 'kind', render: (v: Schemas['ReviewRoundKind']) => t(`round.kind.${v}`) },
                { title: t('common.status'), dataIndex: 'status', render: (v) => <StatusTag kind="round" value={v} /> },
                { title: t('round.items'), dataIndex: 'items', align: 'right' },
                { title: t('round.createdAt'), dataIndex: 'createdAt', render: (v) => formatDateTime(v) },
              ]} />
          )}
        </QueryState>
      </Card>
      {creating && <CreateRoundModal onClose={() => setCreating(false)} />}
    </>
  );
}

