import { useState } from 'react';
import { Card, Checkbox, Form, Input, Modal, Button, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { QueryState, ProblemAlert } from '../../components/Problem';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../lib/format';
import { applyFieldErrors } from '../../lib/errors';
import { useMyAssignments, useDeclineAssignment } from './queries';

export function MyAssignmentsPage() {
  const t = useT();
  const mine = useMyAssignments();
  const [declining, setDeclining] = useState<Schemas['ReviewAssignment'] | null>(null);
  return (
    <>
      <PageHeader title={t('menu.assignments')} />
      <Card>
        <QueryState query={mine} isEmpty={(d) => d.length === 0} empty={t('assignment.empty')}>
          {(list) => (
            <Table<Schemas['ReviewAssignment']> rowKey="id" dataSource={list} pagination={false} data-testid="my-assignments"
              columns={[
                { title: t('round.name'), dataIndex: 'roundName' },
                { title: t('round.subject'), render: (_, a) => <Link to={`/assignments/${a.id}`}><Tag>{a.subjectCode}</Tag>{a.title}</Link> },
                { title: t('challenge.field'), dataIndex: 'field', render: (v: Schemas['ChallengeField']) => t(`field.${v}`) },
                { title: t('round.scoringWindow'), render: (_, a) => `${formatDateTime(a.scoringOpensAt)} ~ ${formatDateTime(a.scoringClosesAt)}` },
                { title: t('assignment.status'), render: (_, a) => <><StatusTag kind="assignment" value={a.status} /><StatusTag kind="score" value={a.scoreStatus} /></> },
                {
                  title: '', render: (_, a) => a.status === 'Active' && a.scoreStatus !== 'Submitted' && (
                    <Space>
                      <Link to={`/assignments/${a.id}`}>{t('assignment.score')}</Link>
                      <Button size="small" danger onClick={() => setDeclining(a)}>{t('assignment.decline')}</Button>
                    </Space>
                  ),
                },
              ]} />
          )}
        </QueryState>
      </Card>
      {declining && <DeclineModal assignment={declining} onClose={() => setDeclining(null)} />}
    </>
  );
}

function DeclineModal({ assignment, onClose }: { assignment: Schemas['ReviewAssignment']; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Schemas['DeclineAssignmentRequest']>();
  const [extra, setExtra] = useState<string[]>([]);
  const decline = useDeclineAssignment(assignment, { onSuccess: onClose });
  return (
    <Modal open title={`${t('assignment.decline')} · ${assignment.subjectCode}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={decline.isPending}>
      <ProblemAlert error={decline.error} extra={extra} />
      <Form form={form} layout="vertical" initialValues={{ recuse: false }} onFinish={(v) => decline.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="recuse" valuePropName="checked"><Checkbox>{t('assignment.recuse')}</Checkbox></Form.Item>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, message: t('common.reasonRequired') }]}><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}
