import { useState } from 'react';
import { Button, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import type { Schemas } from '../../../api/client';
import type { Round } from '../round';
import { useT } from '../../../i18n';
import { useIsTaskForce } from '../../../auth/useSession';
import { QueryState, ProblemAlert } from '../../../components/Problem';
import { StatusTag } from '../../../components/StatusTag';
import { applyFieldErrors } from '../../../lib/errors';
import { useResults, useRecordDecision, useRecordMatchmaking } from '../queries';

export function DecisionsPanel({ round }: { round: Round }) {
  const t = useT();
  const canAct = useIsTaskForce();
  const results = useResults(round.id);
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
  const save = useRecordDecision(round.id, item.itemId, { onSuccess: (r) => { onRecorded(r); onClose(); } });
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
  const save = useRecordMatchmaking(round.id, item.itemId, { onSuccess: onClose });
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
