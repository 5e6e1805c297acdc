import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { QueryState, ProblemAlert } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../lib/format';
import { useAssignment, assignmentKeys, useSaveScore, useSubmitScore } from './queries';

export function ScoringPage() {
  const { id = '' } = useParams();
  const t = useT();
  const assignment = useAssignment(id);
  return (
    <QueryState query={assignment}>
      {(a) => (
        <>
          <PageHeader crumbs={[{ to: '/assignments', label: t('menu.assignments') }]} title={<Space><Tag>{a.subjectCode}</Tag>{a.title}</Space>}
            sub={<Space>{a.roundName}<StatusTag kind="assignment" value={a.status} /><StatusTag kind="score" value={a.scoreStatus} /></Space>} />
          <ScoreSheet assignment={a} />
        </>
      )}
    </QueryState>
  );
}

/** The scoring form: one score per criterion of the rubric, weighted total shown as it is typed. */
function ScoreSheet({ assignment: a }: { assignment: Schemas['ReviewAssignment'] }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [scores, setScores] = useState<Record<number, number | null>>({});
  const [comment, setComment] = useState(a.comment ?? '');
  const [version, setVersion] = useState(a.version);
  useEffect(() => {
    setScores(Object.fromEntries(a.scores.map((s) => [s.ordinal, s.score])));
    setVersion(a.version);
  }, [a]);
  const locked = a.scoreStatus === 'Submitted' || a.status !== 'Active' || a.roundStatus !== 'Scoring';
  const total = a.criteria.reduce((sum, c) => sum + Math.round(c.weight * 100) * (scores[c.ordinal] ?? 0), 0) / 100;
  const body = () => ({ scores: a.criteria.map((c) => ({ ordinal: c.ordinal, score: scores[c.ordinal] ?? 0 })), comment });
  const save = useSaveScore(a, version, body, { onSuccess: (r) => setVersion(r.version) });
  const submit = useSubmitScore(a, version, body, { success: t('assignment.submitted') });
  const error = submit.error ?? save.error;
  const incomplete = a.criteria.some((c) => scores[c.ordinal] == null);
  return (
    <Card>
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('round.scoringWindow')}>{formatDateTime(a.scoringOpensAt)} ~ {formatDateTime(a.scoringClosesAt)}</Descriptions.Item>
        <Descriptions.Item label={t('assignment.submittedAt')}>{formatDateTime(a.submittedAt)}</Descriptions.Item>
      </Descriptions>
      {a.scoreStatus === 'Submitted' && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('assignment.lockedSubmitted')} />}
      {a.roundStatus !== 'Scoring' && a.scoreStatus !== 'Submitted' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('assignment.notScoring')} />}
      {error != null && <ProblemAlert error={error} />}
      <Table<Schemas['ReviewCriterion']> rowKey="ordinal" size="small" pagination={false} dataSource={a.criteria} data-testid="score-sheet"
        columns={[
          { title: '#', dataIndex: 'ordinal', width: 40 },
          { title: t('rubric.name'), dataIndex: 'name' },
          { title: t('rubric.weight'), dataIndex: 'weight', width: 80 },
          { title: t('rubric.maxScore'), dataIndex: 'maxScore', width: 80 },
          { title: t('rubric.threshold'), dataIndex: 'threshold', width: 80, render: (v) => v ?? '—' },
          {
            title: t('assignment.scoreCol'), width: 140,
            render: (_, c) => (
              <InputNumber min={0} max={c.maxScore} step={0.5} precision={2} disabled={locked} value={scores[c.ordinal] ?? undefined}
                aria-label={`${t('assignment.scoreCol')} ${c.name}`} data-testid={`score-${c.ordinal}`}
                onChange={(v) => setScores((s) => ({ ...s, [c.ordinal]: v }))} />
            ),
          },
        ]} />
      <Typography.Paragraph style={{ marginTop: 12 }} strong data-testid="weighted-total">{t('assignment.weightedTotal', { n: total })}</Typography.Paragraph>
      <Input.TextArea rows={3} disabled={locked} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('assignment.comment')} style={{ marginBottom: 12 }} />
      {!locked && (
        <Space>
          <Button loading={save.isPending} onClick={() => save.mutate(undefined, { onError: () => {} })}>{t('assignment.saveDraft')}</Button>
          <Button type="primary" disabled={incomplete} loading={submit.isPending} data-testid="submit-score"
            onClick={() => submit.mutate(undefined, { onError: () => { queryClient.invalidateQueries({ queryKey: assignmentKeys.detail(a.id) }); message.error(t('assignment.submitFailed')); } })}>
            {t('assignment.submit')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
