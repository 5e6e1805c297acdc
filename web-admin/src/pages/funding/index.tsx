import { useState } from 'react';
import { Button, Card, Progress, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useIsTaskForce } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/Problem';
import { Money } from '../../components/Money';
import { useBudgets } from './queries';
import { SignModal } from './components/SignModal';
import { AgreementList } from '../../components/AgreementList';

export function FundingPage() {
  const t = useT();
  const canAct = useIsTaskForce();
  const budgets = useBudgets();
  const [signing, setSigning] = useState(false);
  return (
    <>
      <PageHeader title={t('menu.funding')} extra={canAct && <Button type="primary" icon={<PlusOutlined />} onClick={() => setSigning(true)} data-testid="sign-agreement">{t('agreement.sign')}</Button>} />
      <Card title={t('funding.budgets')} style={{ marginBottom: 16 }}>
        <QueryState query={budgets.batches} isEmpty={() => budgets.rows.length === 0}>
          {() => (
            <Table rowKey={(r) => r.batch.id} size="small" pagination={false} dataSource={budgets.rows} data-testid="budget-table"
              columns={[
                { title: t('challenge.batch'), render: (_, r) => <Link to={`/batches/${r.batch.id}`}>{r.batch.code} · {r.batch.name}</Link> },
                { title: t('funding.totalBudget'), align: 'right', render: (_, r) => r.policy ? <Money fen={r.policy.totalBudgetFen} /> : <Tag>{t('funding.noPolicy')}</Tag> },
                { title: t('funding.committed'), align: 'right', render: (_, r) => r.policy && <Money fen={r.policy.committedFen} /> },
                { title: t('funding.paid'), align: 'right', render: (_, r) => r.policy && <Money fen={r.policy.paidFen} /> },
                { title: t('funding.remaining'), align: 'right', render: (_, r) => r.policy && <Money fen={r.policy.availableFen} /> },
                { title: t('funding.usage'), width: 180, render: (_, r) => r.policy && r.policy.totalBudgetFen > 0 && (
                  <Progress size="small" percent={Math.round((r.policy.committedFen / r.policy.totalBudgetFen) * 100)} success={{ percent: Math.round((r.policy.paidFen / r.policy.totalBudgetFen) * 100) }} />
                ) },
              ]} />
          )}
        </QueryState>
      </Card>
      <Card title={t('funding.agreements')}>
        <AgreementList />
      </Card>
      {signing && <SignModal onClose={() => setSigning(false)} />}
    </>
  );
}

