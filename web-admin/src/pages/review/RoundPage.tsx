import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Modal, Progress, Radio, Row, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, unwrap, ApiError, type Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { useIsTaskForce } from '../../auth/useSession';
import { PageHeader } from '../../components/PageHeader';
import { QueryState, ProblemAlert, applyFieldErrors } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { useAction } from '../../lib/hooks';
import { formatDateTime } from '../../lib/format';
import { errorText } from '../programmes/BatchPage';
import { RubricEditor } from './components/RubricEditor';
import { ObjectionsCard } from './components/Objections';
import { RemoveAssignmentModal } from './components/RemoveAssignmentModal';
import { useOrganisationNames } from '../experts';
import { JobProgress, downloadJobResult } from '../../jobs/JobProgress';
import { isActive, resultOf, usePageJob } from '../../jobs/jobs';

type Round = Schemas['ReviewRound'];
const order: Schemas['ReviewRoundStatus'][] = ['Draft', 'Assigning', 'Scoring', 'Closed', 'Decided', 'Publicised', 'Final'];
const atLeast = (r: Round, s: Schemas['ReviewRoundStatus']) => order.indexOf(r.status) >= order.indexOf(s);

export function RoundPage() {
  const { id = '' } = useParams();
  const t = useT();
  const round = useQuery({ queryKey: ['round', id], queryFn: () => unwrap(api.GET('/api/v1/review/rounds/{id}', { params: { path: { id } } })) });
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

type Step = 'open-scoring' | 'close' | 'decide' | 'publicise' | 'finalise';

function RoundActions({ round: r, onAssigned }: { round: Round; onAssigned: (o: Schemas['AssignmentOutcome']) => void }) {
  const t = useT();
  const canAct = useIsTaskForce();
  const { message, modal } = App.useApp();
  const [adding, setAdding] = useState(false);
  const step = useAction(
    async (s: Step) => {
      const path = { id: r.id };
      switch (s) {
        case 'open-scoring': return unwrap(api.POST('/api/v1/review/rounds/{id}/open-scoring', { params: { path } }));
        case 'close': return unwrap(api.POST('/api/v1/review/rounds/{id}/close', { params: { path } }));
        case 'decide': return unwrap(api.POST('/api/v1/review/rounds/{id}/decide', { params: { path } }));
        case 'publicise': return unwrap(api.POST('/api/v1/review/rounds/{id}/publicise', { params: { path } }));
        case 'finalise': return unwrap(api.POST('/api/v1/review/rounds/{id}/finalise', { params: { path } }));
      }
    },
    {
      invalidate: [['round', r.id], ['board', r.id], ['rounds'], ['results', r.id], ['publication', r.id]],
    },
  );
  const queryClient = useQueryClient();
  const fail = (job: { problem?: { code: string; detail: string } | null }) => { if (job.problem) message.error(`${job.problem.code}: ${job.problem.detail}`); };
  // Auto-assignment and the export run as background jobs: progress here and in the header's Jobs list.
  const assignJob = usePageJob('review.assign', `round:${r.id}`, async (job) => {
    if (job.status !== 'Succeeded') return fail(job);
    message.success(t('common.saved'));
    // The outcome is shown once the round and its board have been read again, so the two agree.
    await Promise.all([['round', r.id], ['board', r.id], ['rounds']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    onAssigned(resultOf(job) as unknown as Schemas['AssignmentOutcome']);
  });
  const startAssign = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/review/rounds/{id}/assign-jobs', { params: { path: { id: r.id } } })),
    onSuccess: (job) => assignJob.track(job),
    onError: (e) => message.error(errorText(e)),
  });
  const exportJob = usePageJob('review.round-export', `round:${r.id}`, (job) => {
    if (job.status === 'Succeeded' && job.hasFile) downloadJobResult(job).catch((e) => message.error(errorText(e)));
    else fail(job);
  });
  const startExport = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/review/rounds/{id}/export-jobs', { params: { path: { id: r.id } } })),
    onSuccess: (job) => exportJob.track(job),
    onError: (e) => message.error(errorText(e)),
  });
  const assigning = startAssign.isPending || (!!assignJob.job && isActive(assignJob.job));
  const exporting = startExport.isPending || (!!exportJob.job && isActive(exportJob.job));
  const run = (s: Step) => step.mutate(s, {
    onError: (e) => {
      if (e instanceof ApiError && e.problem.violations?.length) {
        modal.error({ title: errorText(e), content: <ProblemAlert error={e} /> });
      } else message.error(errorText(e));
    },
  });
  const buttons: React.ReactNode[] = [];
  if (canAct) {
    if (r.status === 'Draft' || r.status === 'Assigning') {
      buttons.push(<Button key="add" onClick={() => setAdding(true)} data-testid="add-item">{t('round.addItem')}</Button>);
      buttons.push(<Button key="assign" loading={assigning} onClick={() => startAssign.mutate()} data-testid="auto-assign">{t('round.autoAssign')}</Button>);
    }
    if (r.status === 'Assigning') buttons.push(<Button key="open" type="primary" onClick={() => run('open-scoring')} data-testid="open-scoring">{t('round.openScoring')}</Button>);
    if (r.status === 'Scoring') buttons.push(<Button key="close" type="primary" onClick={() => run('close')} data-testid="close-round">{t('round.close')}</Button>);
    if (r.status === 'Closed') buttons.push(<Button key="decide" type="primary" onClick={() => run('decide')} data-testid="decide-round">{t('round.decide')}</Button>);
    if (r.status === 'Decided') buttons.push(<Button key="publicise" type="primary" onClick={() => run('publicise')} data-testid="publicise-round">{t('round.publicise')}</Button>);
    if (r.status === 'Publicised') buttons.push(<Button key="finalise" type="primary" onClick={() => run('finalise')} data-testid="finalise-round">{t('round.finalise')}</Button>);
    if (atLeast(r, 'Closed')) {
      buttons.push(<Button key="export" loading={exporting} onClick={() => startExport.mutate()} data-testid="export-round">{t('round.export')}</Button>);
    }
  }
  if (assignJob.job) buttons.push(<JobProgress key="assign-job" job={assignJob.job} compact />);
  if (exportJob.job) buttons.push(<JobProgress key="export-job" job={exportJob.job} compact />);
  return <Space wrap>{buttons}{adding && <AddItemModal round={r} onClose={() => setAdding(false)} />}</Space>;
}

function AddItemModal({ round, onClose }: { round: Round; onClose: () => void }) {
  const t = useT();
  const [subjectId, setSubjectId] = useState<string>();
  const candidates = useQuery({
    queryKey: ['round-candidates', round.kind],
    queryFn: async () => {
      if (round.kind === 'ApplicationReview') {
        const page = await unwrap(api.GET('/api/v1/applications', { params: { query: { eligibility: 'Eligible', pageSize: 200 } } }));
        return page.items.map((a) => ({ value: a.id, label: `${a.code} · ${a.leadOrganisationName} · ${a.challengeTitle}` }));
      }
      const [submitted, underReview] = await Promise.all(
        (['Submitted', 'UnderReview'] as const).map((status) => unwrap(api.GET('/api/v1/challenges', { params: { query: { status, pageSize: 100 } } }))),
      );
      return [...submitted.items, ...underReview.items].map((c) => ({ value: c.id, label: `${c.code} · ${c.title}` }));
    },
  });
  const add = useAction(
    () => unwrap(api.POST('/api/v1/review/rounds/{id}/items', { params: { path: { id: round.id } }, body: { subjectId: subjectId! } })),
    { invalidate: [['round', round.id], ['board', round.id], ['rounds']], onSuccess: onClose },
  );
  const existing = new Set(round.items.map((i) => i.subjectId));
  return (
    <Modal open title={t('round.addItem')} onCancel={onClose} onOk={() => add.mutate(undefined)} okButtonProps={{ disabled: !subjectId }} confirmLoading={add.isPending}>
      <ProblemAlert error={add.error} />
      <Select style={{ width: '100%' }} showSearch optionFilterProp="label" loading={candidates.isPending} value={subjectId} onChange={setSubjectId}
        data-testid="item-subject" notFoundContent={t('round.noCandidates')}
        options={(candidates.data ?? []).filter((o) => !existing.has(o.value))} />
    </Modal>
  );
}

/** The assignment board (Rounds_AssignmentBoard): items with their experts, every assignment, the load per expert, short items. */
function ItemsPanel({ round: r, lastAssign }: { round: Round; lastAssign: Schemas['AssignmentOutcome'] | null }) {
  const t = useT();
  const canAct = useIsTaskForce();
  const [handFor, setHandFor] = useState<Schemas['ReviewItem'] | null>(null);
  const [removing, setRemoving] = useState<Schemas['BoardAssignment'] | null>(null);
  const [removed, setRemoved] = useState<Schemas['RemoveAssignmentResponse'] | null>(null);
  const editable = canAct && (r.status === 'Draft' || r.status === 'Assigning' || r.status === 'Scoring');
  const board = useQuery({ queryKey: ['board', r.id], queryFn: () => unwrap(api.GET('/api/v1/review/rounds/{id}/board', { params: { path: { id: r.id } } })) });
  const short = new Map((board.data?.short ?? lastAssign?.short ?? []).map((s) => [s.itemId, s]));
  const active = new Map((board.data?.items ?? []).map((i) => [i.itemId, i.active]));
  return (
    <>
      {board.isError && <ProblemAlert error={board.error} />}
      {lastAssign && (
        <Alert style={{ marginBottom: 12 }} showIcon type={lastAssign.short.length ? 'warning' : 'success'}
          title={t('round.assignResult', { n: lastAssign.assigned.length, s: lastAssign.short.length })} />
      )}
      {removed && (
        <Alert style={{ marginBottom: 12 }} showIcon closable onClose={() => setRemoved(null)} type={removed.short ? 'warning' : 'success'} data-testid="removal-outcome"
          title={removed.replacementExpertId ? t('board.replaced') : t('board.removedNoReplacement')}
          description={removed.departures.length ? t('board.departures', { list: removed.departures.map((d) => t(`board.departure.${d}`)).join('、') }) : undefined} />
      )}
      {!lastAssign && short.size > 0 && <Alert style={{ marginBottom: 12 }} showIcon type="warning" title={t('round.shortItems', { n: short.size })} />}
      <Table<Schemas['ReviewItem']> rowKey="id" size="small" pagination={false} dataSource={r.items} locale={{ emptyText: t('round.noItems') }} data-testid="round-items"
        columns={[
          { title: t('round.subject'), render: (_, i) => <><Tag>{i.subjectCode}</Tag>{i.title}</> },
          { title: t('challenge.field'), dataIndex: 'field', render: (v) => t(`field.${v}`) },
          {
            title: t('round.assigned'), align: 'right',
            render: (_, i) => {
              const s = short.get(i.id);
              const n = active.get(i.id) ?? i.activeAssignments;
              return (
                <Space>
                  <Typography.Text type={n >= r.expertsPerItem ? 'success' : 'warning'} data-testid={`assigned-${i.subjectCode}`}>{n} / {r.expertsPerItem}</Typography.Text>
                  {s && (
                    <Tooltip title={t('round.shortDetail', { available: s.available, inField: s.inField, conflicted: s.conflicted, atMax: s.atMaxLoad, reason: s.reason })}>
                      <Tag color="orange" icon={<WarningOutlined />}>{t('round.short')}</Tag>
                    </Tooltip>
                  )}
                </Space>
              );
            },
          },
          ...(canAct && (r.status === 'Draft' || r.status === 'Assigning' || r.status === 'Scoring')
            ? [{ title: '', render: (_: unknown, i: Schemas['ReviewItem']) => <Button size="small" onClick={() => setHandFor(i)}>{t('round.handAssign')}</Button> }]
            : []),
        ]} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('round.conflictRule')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('round.assignments')}>
            <Table<Schemas['BoardAssignment']> rowKey="assignmentId" size="small" loading={board.isPending} dataSource={board.data?.assignments ?? []}
              pagination={(board.data?.assignments.length ?? 0) > 20 ? { pageSize: 20 } : false} locale={{ emptyText: t('round.noAssignments') }} data-testid="board-assignments"
              columns={[
                { title: t('round.subject'), dataIndex: 'subjectCode', render: (v) => <Tag>{v}</Tag> },
                { title: t('expert.name'), dataIndex: 'expertName' },
                { title: t('round.assignmentStatus'), dataIndex: 'status', render: (v) => <StatusTag kind="assignment" value={v} /> },
                { title: t('round.scoreStatus'), dataIndex: 'scoreStatus', render: (v) => <StatusTag kind="score" value={v} /> },
                { title: t('round.assignedAt'), dataIndex: 'assignedAt', render: (v) => formatDateTime(v) },
                { title: t('round.endReason'), dataIndex: 'endReason', render: (v) => v ?? '—' },
                ...(editable ? [{
                  title: '', render: (_: unknown, a: Schemas['BoardAssignment']) => a.status === 'Active' && a.scoreStatus !== 'Submitted' && (
                    <Button size="small" danger onClick={() => setRemoving(a)} data-testid={`remove-${a.subjectCode}-${a.expertName}`}>{t('board.remove')}</Button>
                  ),
                }] : []),
              ]} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('round.loads')}>
            <Table<Schemas['ExpertLoad']> rowKey="expertId" size="small" pagination={false} loading={board.isPending} dataSource={board.data?.loads ?? []} data-testid="board-loads"
              columns={[
                { title: t('expert.name'), dataIndex: 'name' },
                { title: t('round.load'), width: 160, render: (_, l) => <Progress size="small" percent={l.maxLoad ? Math.round((l.load / l.maxLoad) * 100) : 0} format={() => `${l.load} / ${l.maxLoad}`} /> },
              ]} />
          </Card>
        </Col>
      </Row>
      {handFor && <HandAssignModal round={r} item={handFor} onClose={() => setHandFor(null)} />}
      {removing && <RemoveAssignmentModal roundId={r.id} assignment={removing} onClose={() => setRemoving(null)} onRemoved={setRemoved} />}
    </>
  );
}

function HandAssignModal({ round, item, onClose }: { round: Round; item: Schemas['ReviewItem']; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ expertId: string; reason: string }>();
  const [extra, setExtra] = useState<string[]>([]);
  const experts = useQuery({ queryKey: ['experts'], queryFn: () => unwrap(api.GET('/api/v1/review/experts')) });
  const assign = useAction(
    (v: { expertId: string; reason: string }) => unwrap(api.POST('/api/v1/review/rounds/{id}/assignments', { params: { path: { id: round.id } }, body: { itemId: item.id, ...v } })),
    { invalidate: [['round', round.id], ['board', round.id]], onSuccess: onClose },
  );
  return (
    <Modal open title={`${t('round.handAssign')} · ${item.subjectCode}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={assign.isPending}>
      <ProblemAlert error={assign.error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={(v) => assign.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="expertId" label={t('expert.name')} rules={[{ required: true }]}>
          <Select loading={experts.isPending} options={(experts.data ?? []).filter((e) => e.active).map((e) => ({
            value: e.id, label: `${e.name}（${e.fields.map((f) => t(`field.${f}`)).join('、')}）`,
          }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('round.handReason')} rules={[{ required: true, message: t('common.reasonRequired') }]}><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}

function ResultsPanel({ round }: { round: Round }) {
  const t = useT();
  const results = useQuery({ queryKey: ['results', round.id], queryFn: () => unwrap(api.GET('/api/v1/review/rounds/{id}/results', { params: { path: { id: round.id } } })) });
  return (
    <QueryState query={results} isEmpty={(d) => d.items.length === 0}>
      {(d) => (
        <Table<Schemas['ItemResultView']> rowKey="itemId" size="small" pagination={false} dataSource={[...d.items].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999))}
          data-testid="results-table"
          expandable={{
            expandedRowRender: (i) => (
              <Table<Schemas['CriterionResult']> rowKey="ordinal" size="small" pagination={false} dataSource={i.criteria}
                columns={[
                  { title: t('rubric.name'), dataIndex: 'name' },
                  { title: t('round.mean'), dataIndex: 'mean' },
                  { title: t('rubric.threshold'), dataIndex: 'threshold', render: (v) => v ?? '—' },
                  { title: t('round.passed'), dataIndex: 'passed', render: (v) => <StatusTag kind="decision" value={v ? 'Pass' : 'Fail'} /> },
                ]} />
            ),
          }}
          columns={[
            { title: t('round.rank'), dataIndex: 'rank', width: 70, render: (v) => v ?? '—' },
            { title: t('round.subject'), render: (_, i) => <><Tag>{i.subjectCode}</Tag>{i.title}</> },
            { title: t('round.sheets'), dataIndex: 'count', align: 'right' },
            { title: t('round.trimmedMean'), dataIndex: 'trimmedMean', align: 'right', render: (v, i) => <>{v ?? '—'}{i.trimmed && <Tooltip title={t('round.trimmedHint')}> *</Tooltip>}</> },
            { title: t('round.sd'), dataIndex: 'standardDeviation', align: 'right', render: (v) => v ?? '—' },
            { title: t('round.spread'), dataIndex: 'spread', align: 'right', render: (v, i) => <>{v ?? '—'} {i.spreadFlag && <Tag color="red" data-testid="spread-flag">{t('round.spreadFlag')}</Tag>}</> },
            { title: t('round.passed'), dataIndex: 'passed', render: (v) => <StatusTag kind="decision" value={v ? 'Pass' : 'Fail'} /> },
          ]} />
      )}
    </QueryState>
  );
}

function DecisionsPanel({ round }: { round: Round }) {
  const t = useT();
  const canAct = useIsTaskForce();
  const results = useQuery({ queryKey: ['results', round.id], queryFn: () => unwrap(api.GET('/api/v1/review/rounds/{id}/results', { params: { path: { id: round.id } } })) });
  const [deciding, setDeciding] = useState<Schemas['ItemResultView'] | null>(null);
  const [matching, setMatching] = useState<Schemas['ItemResultView'] | null>(null);
  const [recorded, setRecorded] = useState<Record<string, Schemas['RecordDecisionResponse']>>({});
  const editable = round.status === 'Closed' || round.status === 'Publicised';
  return (
    <QueryState query={results}>
      {(d) => (
        <>
          <Table<Schemas['ItemResultView']> rowKey="itemId" size="small" pagination={false} dataSource={d.items} data-testid="decisions-table"
            columns={[
              { title: t('round.subject'), render: (_, i) => <><Tag>{i.subjectCode}</Tag>{i.title}</> },
              { title: t('round.trimmedMean'), dataIndex: 'trimmedMean' },
              { title: t('round.suggested'), dataIndex: 'passed', render: (v) => <StatusTag kind="decision" value={v ? 'Pass' : 'Fail'} /> },
              { title: t('round.decision'), render: (_, i) => recorded[i.itemId] ? <><StatusTag kind="decision" value={recorded[i.itemId].outcome} />{recorded[i.itemId].reason}</> : '—' },
              ...(canAct && editable ? [{
                title: '', render: (_: unknown, i: Schemas['ItemResultView']) => (
                  <Space>
                    <Button size="small" type="primary" onClick={() => setDeciding(i)} data-testid={`decide-${i.subjectCode}`}>{t('round.recordDecision')}</Button>
                    {round.kind === 'ApplicationReview' && round.status === 'Closed' && <Button size="small" onClick={() => setMatching(i)}>{t('round.matchmaking')}</Button>}
                  </Space>
                ),
              }] : []),
            ]} />
          {round.status !== 'Closed' && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('round.decisionsInPublication')}</Typography.Paragraph>}
          {deciding && <DecisionModal round={round} item={deciding} onClose={() => setDeciding(null)} onRecorded={(r) => setRecorded((m) => ({ ...m, [r.itemId]: r }))} />}
          {matching && <MatchmakingModal round={round} item={matching} onClose={() => setMatching(null)} />}
        </>
      )}
    </QueryState>
  );
}

function DecisionModal({ round, item, onClose, onRecorded }: { round: Round; item: Schemas['ItemResultView']; onClose: () => void; onRecorded: (r: Schemas['RecordDecisionResponse']) => void }) {
  const t = useT();
  const [form] = Form.useForm<Schemas['RecordDecisionRequest']>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useAction(
    (body: Schemas['RecordDecisionRequest']) => unwrap(api.PUT('/api/v1/review/rounds/{id}/items/{itemId}/decision', { params: { path: { id: round.id, itemId: item.itemId } }, body })),
    { invalidate: [['publication', round.id]], onSuccess: (r) => { onRecorded(r); onClose(); } },
  );
  return (
    <Modal open title={`${t('round.recordDecision')} · ${item.subjectCode}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={{ outcome: item.passed ? 'Pass' : 'Fail' }}
        onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="outcome" label={t('round.decision')}>
          <Radio.Group options={[{ value: 'Pass', label: t('status.decision.Pass') }, { value: 'Fail', label: t('status.decision.Fail') }]} />
        </Form.Item>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, message: t('common.reasonRequired') }]}><Input.TextArea rows={3} data-testid="decision-reason" /></Form.Item>
      </Form>
    </Modal>
  );
}

function MatchmakingModal({ round, item, onClose }: { round: Round; item: Schemas['ItemResultView']; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Schemas['RecordMatchmakingRequest']>();
  const save = useAction(
    (body: Schemas['RecordMatchmakingRequest']) => unwrap(api.PUT('/api/v1/review/rounds/{id}/items/{itemId}/matchmaking', { params: { path: { id: round.id, itemId: item.itemId } }, body })),
    { onSuccess: onClose },
  );
  return (
    <Modal open title={`${t('round.matchmaking')} · ${item.subjectCode}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} />
      <Form form={form} layout="vertical" initialValues={{ matched: true }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="matched" label={t('round.matched')}><Radio.Group options={[{ value: true, label: t('common.yes') }, { value: false, label: t('common.no') }]} /></Form.Item>
        <Form.Item name="note" label={t('common.note')} rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}

function PublicationPanel({ round }: { round: Round }) {
  const t = useT();
  const canAct = useIsTaskForce();
  const orgs = useOrganisationNames();
  const publication = useQuery({ queryKey: ['publication', round.id], queryFn: () => unwrap(api.GET('/api/v1/review/rounds/{id}/publication', { params: { path: { id: round.id } } })) });
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
