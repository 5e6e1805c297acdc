import { useState } from 'react';
import { Card, Descriptions, Space, Tabs, Tag } from 'antd';
import { useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { atLeast } from './round';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../lib/format';
import { RubricEditor } from './components/RubricEditor';
import { RoundActions } from './components/RoundActions';
import { ItemsPanel } from './components/ItemsPanel';
import { ResultsPanel } from './components/ResultsPanel';
import { DecisionsPanel } from './components/DecisionsPanel';
import { PublicationPanel } from './components/PublicationPanel';
import { useRound } from './queries';


export function RoundPage() {
  const { id = '' } = useParams();
  const t = useT();
  const round = useRound(id);
  const [lastAssign, setLastAssign] = useState<Schemas['AssignmentOutcome'] | null>(null);
  return (
    <QueryState query={round}>
      {(r) => (
        <>
          <PageHeader
            crumbs={[{ to: '/review', label: t('menu.review') }]}
            title={r.name}
            sub={<Space><Tag>{t(`round.kind.${r.kind}`)}</Tag><StatusTag kind="round" value={r.status} /></Space>}
            extra={<RoundActions round={r} onAssigned={setLastAssign} />}
          />
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={3} size="small">
              <Descriptions.Item label={t('round.scoringWindow')}>{formatDateTime(r.scoringOpensAt)} ~ {formatDateTime(r.scoringClosesAt)}</Descriptions.Item>
              <Descriptions.Item label={t('round.passThreshold')}>{r.passThreshold}</Descriptions.Item>
              <Descriptions.Item label={t('round.expertsPerItem')}>{r.expertsPerItem}（{t('round.maxLoad')} {r.maxLoadPerExpert}）</Descriptions.Item>
              <Descriptions.Item label={t('round.spreadLimit')}>{r.spreadLimit}</Descriptions.Item>
              <Descriptions.Item label={t('round.publicisedAt')}>{formatDateTime(r.publicisedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('round.objectionsCloseAt')}>{formatDateTime(r.objectionsCloseAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Tabs
            items={[
              { key: 'items', label: t('round.assignmentBoard'), children: <ItemsPanel round={r} lastAssign={lastAssign} /> },
              { key: 'rubric', label: t('round.rubric'), children: <RubricEditor readOnly value={r.criteria.map((c) => ({ name: c.name, weight: c.weight, maxScore: c.maxScore, threshold: c.threshold }))} /> },
              ...(atLeast(r, 'Closed') ? [
                { key: 'results', label: t('round.results'), children: <ResultsPanel round={r} /> },
                { key: 'decisions', label: t('round.decisions'), children: <DecisionsPanel round={r} /> },
              ] : []),
              ...(atLeast(r, 'Publicised') ? [{ key: 'publication', label: t('round.publication'), children: <PublicationPanel round={r} /> }] : []),
            ]}
          />
        </>
      )}
    </QueryState>
  );
}

