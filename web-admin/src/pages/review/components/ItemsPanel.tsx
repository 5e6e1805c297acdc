import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Modal, Progress, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import type { Schemas } from '../../../api/client';
import type { Round } from '../round';
import { useT, byKey } from '../../../i18n';
import { useIsTaskForce } from '../../../auth/useSession';
import { ProblemAlert } from '../../../components/Problem';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../lib/format';
import { RemoveAssignmentModal } from './RemoveAssignmentModal';
import { applyFieldErrors } from '../../../lib/errors';
import { useBoard, useAssignByHand } from '../queries';
import { useExperts } from '../../experts/queries';

/** The assignment board (Rounds_AssignmentBoard): items with their experts, every assignment, the load per expert, short items. */
export function ItemsPanel({ round: r, lastAssign }: { round: Round; lastAssign: Schemas['AssignmentOutcome'] | null }) {
  const t = useT();
  const canAct = useIsTaskForce();
  const [handFor, setHandFor] = useState<Schemas['ReviewItem'] | null>(null);
  const [removing, setRemoving] = useState<Schemas['BoardAssignment'] | null>(null);
  const [removed, setRemoved] = useState<Schemas['RemoveAssignmentResponse'] | null>(null);
  const editable = canAct && (r.status === 'Draft' || r.status === 'Assigning' || r.status === 'Scoring');
  const board = useBoard(r.id);
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
          description={removed.departures.length ? t('board.departures', { list: removed.departures.map((d) => byKey(t, `board.departure.${d}`)).join('、') }) : undefined} />
      )}
      {!lastAssign && short.size > 0 && <Alert style={{ marginBottom: 12 }} showIcon type="warning" title={t('round.shortItems', { n: short.size })} />}
      <Table<Schemas['ReviewItem']> rowKey="id" size="small" pagination={false} dataSource={r.items} locale={{ emptyText: t('round.noItems') }} data-testid="round-items"
        columns={[
          { title: t('round.subject'), render: (_, i) => <><Tag>{i.subjectCode}</Tag>{i.title}</> },
          { title: t('challenge.field'), dataIndex: 'field', render: (v: Schemas['ChallengeField']) => t(`field.${v}`) },
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
  const experts = useExperts();
  const assign = useAssignByHand(round.id, item.id, { onSuccess: onClose });
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
