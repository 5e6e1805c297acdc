import { Alert, Card, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT, byKey } from '../../i18n';
import { useRole } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../lib/format';
import { ObjectionsCard } from '../../components/Objections';
import { usePublication } from '../review/queries';
import { usePublicisedRounds } from './queries';

/** 公示与异议: the rounds whose decisions were publicised to the caller's organisation. */
export function PublicationsPage() {
  const t = useT();
  const rounds = usePublicisedRounds();
  return (
    <>
      <PageHeader title={t('menu.publications')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('publication.hint')}</Typography.Paragraph>
        <QueryState query={rounds} isEmpty={(d) => d.length === 0} empty={t('publication.empty')}>
          {(list) => (
            <Table<Schemas['FeedItem']> rowKey="resourceId" size="small" pagination={{ pageSize: 20, hideOnSinglePage: true }} dataSource={list} data-testid="publication-list"
              columns={[
                { title: t('round.name'), render: (_, e) => <Link to={`/publications/${e.resourceId}`}>{e.data.name ?? e.resourceId}</Link> },
                { title: t('round.kind'), render: (_, e) => <Tag>{byKey(t, `round.kind.${e.data.kind}`)}</Tag> },
                { title: t('round.publicisedAt'), dataIndex: 'occurredAt', render: (v) => formatDateTime(v) },
                { title: t('round.objectionsCloseAt'), render: (_, e) => formatDateTime(e.data.objectionsCloseAt) },
              ]} />
          )}
        </QueryState>
      </Card>
    </>
  );
}

/** One round's publication for a party: the decisions, its own objections, and filing one while the period is open. */
export function PublicationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const role = useRole();
  const publication = usePublication(id);
  return (
    <QueryState query={publication}>
      {(p) => (
        <>
          <PageHeader crumbs={[{ to: '/publications', label: t('menu.publications') }]} title={t('round.publication')}
            sub={<><Tag>{t(`round.kind.${p.kind}`)}</Tag><StatusTag kind="round" value={p.status} /></>} />
          <Alert style={{ marginBottom: 12 }} type={p.status === 'Final' ? 'success' : 'info'} showIcon
            title={p.status === 'Final' ? t('round.final') : t('round.objectionPeriod', { until: formatDateTime(p.objectionsCloseAt) })} />
          <Card style={{ marginBottom: 16 }}>
            <Table<Schemas['PublishedDecision']> rowKey="itemId" size="small" pagination={false} dataSource={p.decisions} data-testid="publication-table"
              columns={[
                { title: t('round.subject'), dataIndex: 'subjectCode', render: (v) => <Tag>{v}</Tag> },
                { title: t('round.decision'), dataIndex: 'outcome', render: (v) => <StatusTag kind="decision" value={v} /> },
                { title: t('common.reason'), dataIndex: 'reason' },
              ]} />
          </Card>
          <ObjectionsCard round={{ id: p.roundId, status: p.status, objectionsCloseAt: p.objectionsCloseAt }}
            subjects={p.decisions.map((d) => ({ itemId: d.itemId, subjectCode: d.subjectCode }))}
            canFile={role === 'Issuer' || role === 'Applicant'} canResolve={false} orgName={() => t('objection.ownOrganisation')} />
        </>
      )}
    </QueryState>
  );
}
