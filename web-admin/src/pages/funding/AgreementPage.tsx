import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { Link, useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { useIsTaskForce, useRole } from '../../auth/useSession';
import { mayUse } from '../../auth/roles';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { Money } from '../../components/Money';
import { bpText, formatDateTime } from '../../lib/format';
import { AgreementActions } from './components/AgreementActions';
import { ConfirmButton } from './components/ConfirmButton';
import { ProgressTable } from './components/ProgressTable';
import { ProgressModal } from './components/ProgressModal';
import { PayModal } from './components/PayModal';
import { useOrganisationNames } from '../../lib/organisations';
import { BudgetSummary } from './components/BudgetSummary';
import { milestoneName } from './components/MilestoneSelect';
import { useAgreement } from './queries';


export function AgreementPage() {
  const { id = '' } = useParams();
  const t = useT();
  const agreement = useAgreement(id);
  const orgs = useOrganisationNames();
  const canAct = useIsTaskForce();
  const role = useRole();
  const [dialog, setDialog] = useState<'progress' | 'pay' | null>(null);
  const back = mayUse('funding', role) ? { to: '/funding', label: t('menu.funding') } : { to: '/agreements', label: t('menu.agreements') };
  return (
    <QueryState query={agreement}>
      {(a) => (
        <>
          <PageHeader
            crumbs={[back]}
            title={<Space>{t('agreement.title')}<Tag>{a.code}</Tag></Space>}
            sub={<StatusTag kind="agreement" value={a.status} />}
            extra={
              <Space>
                {(role === 'TaskForce' || role === 'Issuer' || role === 'Applicant') && <Button onClick={() => setDialog('progress')} data-testid="report-progress">{t('progress.report')}</Button>}
                <ConfirmButton agreement={a} />
                {canAct && (
                  <Tooltip title={a.issuerConfirmedAt ? undefined : t('agreement.awaitingConfirmation')}>
                    <Button type="primary" disabled={!a.issuerConfirmedAt} onClick={() => setDialog('pay')} data-testid="pay-tranche">{t('tranche.pay')}</Button>
                  </Tooltip>
                )}
                <AgreementActions agreement={a} />
              </Space>
            }
          />
          {!a.issuerConfirmedAt && a.status === 'Active' && (
            <Alert style={{ marginBottom: 16 }} type="warning" showIcon title={t('agreement.awaitingConfirmation')} data-testid="awaiting-confirmation" />
          )}
          <Card style={{ marginBottom: 16 }}>
            <BudgetSummary committed={a.balances.committedFen} paid={a.balances.paidFen} total={a.balances.remainingFen} />
          </Card>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={3} size="small">
              <Descriptions.Item label={t('agreement.application')}><Link to={`/applications/${a.applicationId}`}>{t('common.open')}</Link></Descriptions.Item>
              <Descriptions.Item label={t('agreement.challenge')}><Link to={`/challenges/${a.challengeId}`}>{t('common.open')}</Link></Descriptions.Item>
              <Descriptions.Item label={t('agreement.period')}>{a.startsOn} ~ {a.endsOn}</Descriptions.Item>
              <Descriptions.Item label={t('agreement.issuerInvestment')}><Money fen={a.issuerInvestmentFen} /></Descriptions.Item>
              <Descriptions.Item label={t('agreement.applicantInvestment')}><Money fen={a.applicantInvestmentFen} /></Descriptions.Item>
              <Descriptions.Item label={t('agreement.jointInvestment')}><Money fen={a.jointInvestmentFen} /></Descriptions.Item>
              <Descriptions.Item label={t('funding.ratio')}>{bpText(a.ratioBp)}</Descriptions.Item>
              <Descriptions.Item label={t('funding.cap')}><Money fen={a.capFen} /></Descriptions.Item>
              <Descriptions.Item label={t('agreement.commitment')}><Money fen={a.commitmentFen} strong /></Descriptions.Item>
              <Descriptions.Item label={t('agreement.verifiedInvestment')}><Money fen={a.verifiedInvestmentFen} /></Descriptions.Item>
              <Descriptions.Item label={t('agreement.signedAt')}>{formatDateTime(a.signedAt)} · {a.signedBy}</Descriptions.Item>
              <Descriptions.Item label={t('agreement.issuerConfirmation')}>
                <span data-testid="issuer-confirmation">
                  {a.issuerConfirmedAt
                    ? <><Tag color="green" data-status="Confirmed">{t('agreement.confirmed')}</Tag>{formatDateTime(a.issuerConfirmedAt)} · {a.issuerConfirmedBy}</>
                    : <Tag color="orange" data-status="Unconfirmed">{t('agreement.unconfirmed')}</Tag>}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('agreement.parties')}>{a.parties.map((p) => <Tag key={p.organisationId}>{orgs.name(p.organisationId)}（{p.role}）</Tag>)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Tabs items={[
            { key: 'milestones', label: t('application.milestones'), children: (
              <Table<Schemas['MilestoneModel']> rowKey="ordinal" size="small" pagination={false} dataSource={a.milestones}
                columns={[
                  { title: '#', dataIndex: 'ordinal', render: (v: number) => v + 1 },
                  { title: t('milestone.name'), dataIndex: 'name' },
                  { title: t('milestone.dueOn'), dataIndex: 'dueOn' },
                  { title: t('milestone.deliverable'), dataIndex: 'deliverables', render: (v: string[]) => (v.length ? v.join('；') : '—') },
                  { title: t('funding.tranches'), render: (_, m) => (m.trancheIndex != null && a.tranches[m.trancheIndex] ? `${a.tranches[m.trancheIndex].percent}%` : '—') },
                ]} />
            ) },
            { key: 'progress', label: t('progress.title'), children: <ProgressTable agreement={a} /> },
            { key: 'ledger', label: t('ledger.title'), children: (
              <Table<Schemas['LedgerEntry']> rowKey="id" size="small" pagination={false} dataSource={a.ledger} data-testid="ledger-table"
                columns={[
                  { title: '#', dataIndex: 'entryNo', width: 50 },
                  { title: t('ledger.kind'), dataIndex: 'kind', render: (v: Schemas['LedgerKind']) => <Tag>{t(`ledger.${v}`)}</Tag> },
                  { title: t('ledger.amount'), dataIndex: 'amountFen', align: 'right', render: (v) => <Money fen={v} /> },
                  { title: t('milestone.name'), dataIndex: 'milestoneIndex', render: (v) => (v == null ? '—' : milestoneName(a, v)) },
                  { title: t('common.reason'), dataIndex: 'reason' },
                  { title: t('audit.actor'), dataIndex: 'actorName' },
                  { title: t('audit.time'), dataIndex: 'occurredAt', render: (v) => formatDateTime(v) },
                ]} />
            ) },
            { key: 'procurement', label: t('challenge.procurement'), children: (
              <Table<Schemas['Procurement']> rowKey="id" size="small" pagination={false} dataSource={a.procurements} locale={{ emptyText: a.procurementWaiver ?? t('common.empty') }}
                columns={[
                  { title: t('procurement.product'), dataIndex: 'product' },
                  { title: t('procurement.contractDate'), dataIndex: 'contractDate' },
                  { title: t('procurement.amount'), dataIndex: 'amountFen', align: 'right', render: (v) => <Money fen={v} /> },
                ]} />
            ) },
          ]} />
          {dialog === 'progress' && <ProgressModal agreement={a} onClose={() => setDialog(null)} />}
          {dialog === 'pay' && <PayModal agreement={a} onClose={() => setDialog(null)} />}
        </>
      )}
    </QueryState>
  );
}

