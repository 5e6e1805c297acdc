import { Card, Descriptions, Space, Tag } from 'antd';
import { useParams } from 'react-router';
import { useT } from '../../i18n';
import { useIsTaskForce } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/Problem';
import { PhaseBadge } from '../../components/PhaseBadge';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../lib/format';
import { BatchActions } from './components/BatchActions';
import { BatchChallenges } from './components/BatchChallenges';
import { FundingPolicyCard } from './components/FundingPolicyCard';
import { useBatch } from './queries';

export function BatchPage() {
  const { id = '' } = useParams();
  const t = useT();
  const canAct = useIsTaskForce();
  const batch = useBatch(id);
  return (
    <QueryState query={batch}>
      {(b) => (
        <>
          <PageHeader
            crumbs={[{ to: '/programmes', label: t('menu.programmes') }]}
            title={<Space>{b.name}<Tag>{b.code}</Tag></Space>}
            sub={<Space><StatusTag kind="batch" value={b.status} /><PhaseBadge phase={b.phase} opensOn={b.opensOn} closesOn={b.closesOn} closesAt={b.closesAt} /></Space>}
            extra={canAct && <BatchActions batch={b} />}
          />
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={3} size="small">
              <Descriptions.Item label={t('batch.window')}>{b.opensOn} ~ {b.closesOn}（{t('common.shanghai')}）</Descriptions.Item>
              <Descriptions.Item label={t('batch.closesAt')}>{formatDateTime(b.closesAt)}</Descriptions.Item>
              <Descriptions.Item label={t('batch.publishedAt')}>{formatDateTime(b.publishedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('batch.note')} span={3}>{b.note ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <BatchChallenges batchId={b.id} />
          <FundingPolicyCard batchId={b.id} />
        </>
      )}
    </QueryState>
  );
}


