import { Alert, Table, Tag, Typography } from 'antd';
import type { Schemas } from '../../../api/client';
import type { Round } from '../round';
import { useT } from '../../../i18n';
import { useIsTaskForce } from '../../../auth/useSession';
import { QueryState } from '../../../components/Problem';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../lib/format';
import { ObjectionsCard } from '../../../components/Objections';
import { useOrganisationNames } from '../../../lib/organisations';
import { usePublication } from '../queries';

export function PublicationPanel({ round }: { round: Round }) {
  const t = useT();
  const canAct = useIsTaskForce();
  const orgs = useOrganisationNames();
  const publication = usePublication(round.id);
  return (
    <QueryState query={publication}>
      {(p) => (
        <>
          <Alert style={{ marginBottom: 12 }} type={p.status === 'Final' ? 'success' : 'info'} showIcon
            title={p.status === 'Final' ? t('round.final') : t('round.objectionPeriod', { until: formatDateTime(p.objectionsCloseAt) })} />
          <Table<Schemas['PublishedDecision']> rowKey="itemId" size="small" pagination={false} dataSource={p.decisions} data-testid="publication-table"
            columns={[
              { title: t('round.subject'), dataIndex: 'subjectCode', render: (v) => <Tag>{v}</Tag> },
              { title: t('round.decision'), dataIndex: 'outcome', render: (v) => <StatusTag kind="decision" value={v} /> },
              { title: t('common.reason'), dataIndex: 'reason' },
            ]} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('round.objectionsHint')}</Typography.Paragraph>
          <ObjectionsCard round={{ id: round.id, status: round.status, objectionsCloseAt: p.objectionsCloseAt }} canFile={false} canResolve={canAct}
            subjects={round.items.map((i) => ({ itemId: i.id, subjectCode: i.subjectCode, title: i.title }))} orgName={orgs.name} />
        </>
      )}
    </QueryState>
  );
}
