import { useState } from 'react';
import { App, Button, Card, Descriptions, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { useRole } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { QueryState, ProblemAlert } from '../../components/Problem';
import { PhaseBadge } from '../../components/PhaseBadge';
import { StatusTag } from '../../components/StatusTag';
import { Money } from '../../components/Money';
import { formatDateTime } from '../../lib/format';
import { errorText } from '../../lib/errors';
import { useChallenge, useChallengeMove, type ChallengeMove } from './queries';

export function ChallengeDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const challenge = useChallenge(id);
  return (
    <QueryState query={challenge}>
      {(c) => (
        <>
          <PageHeader
            crumbs={[{ to: '/challenges', label: t('menu.challenges') }]}
            title={<Space>{c.title}{c.isDemo && <Tag color="gold">{t('common.demo')}</Tag>}</Space>}
            sub={<Space><Tag>{c.code}</Tag><StatusTag kind="challenge" value={c.status} /><PhaseBadge phase={c.phase} opensOn={c.opensOn} closesOn={c.closesOn} closesAt={c.closesAt} /></Space>}
            extra={<ChallengeActions challenge={c} />}
          />
          {c.statusReason && <Typography.Paragraph type="warning">{t('challenge.statusReason')}：{c.statusReason}</Typography.Paragraph>}
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small">
              <Descriptions.Item label={t('challenge.issuer')}>{c.issuerName}</Descriptions.Item>
              <Descriptions.Item label={t('challenge.field')}>{c.fieldName}</Descriptions.Item>
              <Descriptions.Item label={t('challenge.batch')}><Link to={`/batches/${c.batchId}`}>{c.batchCode} · {c.batchName}</Link></Descriptions.Item>
              <Descriptions.Item label={t('batch.window')}>{c.opensOn} ~ {c.closesOn}</Descriptions.Item>
              <Descriptions.Item label={t('challenge.rdMonths')}>{t('common.months', { n: c.rdMonths })}</Descriptions.Item>
              <Descriptions.Item label={t('challenge.plannedInvestment')}><Money fen={c.plannedInvestmentFen} /></Descriptions.Item>
              <Descriptions.Item label={t('challenge.contact')}>{c.contact.name} · {c.contact.phone}{c.contact.email ? ` · ${c.contact.email}` : ''}</Descriptions.Item>
              <Descriptions.Item label={t('challenge.publishedAt')}>{formatDateTime(c.publishedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('challenge.background')} span={2}><div style={{ whiteSpace: 'pre-wrap' }}>{c.background}</div></Descriptions.Item>
              <Descriptions.Item label={t('challenge.deliverables')} span={2}>{c.deliverables.join('；') || '—'}</Descriptions.Item>
              {c.sourceNote && <Descriptions.Item label={t('challenge.sourceNote')} span={2}>{c.sourceNote}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title={t('challenge.indicators')} style={{ marginBottom: 16 }}>
            <Table<Schemas['Indicator']> rowKey="id" size="small" pagination={false} dataSource={c.indicators}
              columns={[
                { title: '#', dataIndex: 'ordinal', width: 50 },
                { title: t('indicator.name'), dataIndex: 'name' },
                { title: t('indicator.target'), dataIndex: 'target' },
                { title: t('indicator.unit'), dataIndex: 'unit' },
                { title: t('indicator.verification'), dataIndex: 'verification' },
              ]} />
          </Card>
          <Card title={t('challenge.procurement')}>
            <Descriptions column={3} size="small">
              <Descriptions.Item label={t('procurement.amount')}><Money fen={c.procurement.amountFen} /></Descriptions.Item>
              <Descriptions.Item label={t('procurement.quantity')}>{c.procurement.quantity ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('procurement.terms')}>{c.procurement.terms ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
        </>
      )}
    </QueryState>
  );
}

function ChallengeActions({ challenge: c }: { challenge: Schemas['ChallengeDetail'] }) {
  const t = useT();
  const role = useRole();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const move = useChallengeMove(c, reason, { onSuccess: () => setRejecting(false) });
  const run = (m: ChallengeMove) => move.mutate(m, { onError: (e) => { if (m !== 'reject') message.error(errorText(e)); } });
  const buttons = [];
  if (role === 'Issuer') {
    if (c.status === 'Draft') {
      buttons.push(<Button key="edit" onClick={() => navigate(`/challenges/${c.id}/edit`)}>{t('common.edit')}</Button>);
      buttons.push(<Button key="submit" type="primary" onClick={() => run('submit')} data-testid="submit-challenge">{t('challenge.submit')}</Button>);
    }
    if (c.status === 'Draft' || c.status === 'Submitted') buttons.push(<Button key="withdraw" danger onClick={() => run('withdraw')}>{t('challenge.withdraw')}</Button>);
  }
  if (role === 'TaskForce') {
    if (c.status === 'Submitted') buttons.push(<Button key="review" onClick={() => run('send-to-review')} data-testid="send-to-review">{t('challenge.sendToReview')}</Button>);
    if (c.status === 'Submitted' || c.status === 'UnderReview') {
      buttons.push(<Button key="approve" type="primary" onClick={() => run('approve')} data-testid="approve-challenge">{t('challenge.approve')}</Button>);
      buttons.push(<Button key="reject" danger onClick={() => setRejecting(true)}>{t('challenge.reject')}</Button>);
    }
  }
  if (role === 'Applicant' && c.status === 'Published' && c.phase === 'Open') {
    buttons.push(<Button key="apply" type="primary" onClick={() => navigate(`/applications/new?challenge=${c.id}`)} data-testid="apply">{t('challenge.apply')}</Button>);
  }
  return (
    <Space>
      {buttons}
      <Modal open={rejecting} title={t('challenge.reject')} onCancel={() => setRejecting(false)} onOk={() => run('reject')} confirmLoading={move.isPending}>
        {move.variables === 'reject' && <ProblemAlert error={move.error} />}
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('common.reasonRequired')} />
      </Modal>
    </Space>
  );
}
