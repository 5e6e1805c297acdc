import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Radio, Select, Table, Tag, Typography } from 'antd';
import type { Schemas } from '../api/client';
import { useT } from '../i18n';
import { QueryState, ProblemAlert } from '../components/Problem';
import { StatusTag } from '../components/StatusTag';
import { formatDateTime } from '../lib/format';
import { applyFieldErrors } from '../lib/errors';
import { useObjections, useFileObjection, useResolveObjection } from '../pages/review/queries';

type Objection = Schemas['ObjectionView'];

/** An item of the round an objection may be filed against. */
export interface ObjectionSubject {
  itemId: string;
  subjectCode: string;
  title?: string;
}

/** What the objection card needs to know of the round (from the round itself or from its publication). */
export interface PublicisedRound {
  id: string;
  status: Schemas['ReviewRoundStatus'];
  objectionsCloseAt?: string | null;
}

/** The objection period is open while the round is Publicised and the period has not ended (the API decides in the end). */
export function objectionPeriodOpen(round: PublicisedRound, now: number = Date.now()): boolean {
  return round.status === 'Publicised' && !!round.objectionsCloseAt && new Date(round.objectionsCloseAt).getTime() > now;
}

/**
 * The round's objections from Rounds_ListObjections: the task force and auditors see all of them, a party only those
 * its own organisation filed. A party may file one while the period is open; the task force resolves open ones.
 */
export function ObjectionsCard({ round, subjects, canFile, canResolve, orgName }: {
  round: PublicisedRound;
  subjects: ObjectionSubject[];
  canFile: boolean;
  canResolve: boolean;
  orgName?: (id: string) => string;
}) {
  const t = useT();
  const [filing, setFiling] = useState(false);
  const [resolving, setResolving] = useState<Objection | null>(null);
  const list = useObjections(round.id);
  const open = objectionPeriodOpen(round);
  return (
    <Card size="small" title={t('objection.title')} data-testid="objections"
      extra={canFile && open && <Button type="primary" onClick={() => setFiling(true)} data-testid="file-objection">{t('objection.file')}</Button>}>
      {canFile && !open && <Typography.Paragraph type="secondary">{t('objection.periodClosed')}</Typography.Paragraph>}
      <QueryState query={list}>
        {(page) => (
          <Table<Objection> rowKey="id" size="small" pagination={false} dataSource={page.items} locale={{ emptyText: t('objection.empty') }}
            data-testid="objection-table"
            columns={[
              { title: t('round.subject'), dataIndex: 'subjectCode', render: (v) => <Tag>{v}</Tag> },
              { title: t('common.reason'), dataIndex: 'reason' },
              { title: t('objection.filedBy'), render: (_, o) => `${orgName?.(o.organisationId) ?? o.organisationId} · ${formatDateTime(o.filedAt)}` },
              { title: t('common.status'), dataIndex: 'status', render: (v) => <StatusTag kind="objection" value={v} /> },
              { title: t('objection.resolution'), render: (_, o) => (o.resolution ? `${o.resolution} · ${formatDateTime(o.resolvedAt)}` : '—') },
              ...(canResolve && round.status === 'Publicised' ? [{
                title: '', render: (_: unknown, o: Objection) => o.status === 'Open' && (
                  <Button size="small" onClick={() => setResolving(o)} data-testid={`resolve-${o.subjectCode}`}>{t('objection.resolve')}</Button>
                ),
              }] : []),
            ]} />
        )}
      </QueryState>
      {filing && <FileObjectionModal roundId={round.id} subjects={subjects} onClose={() => setFiling(false)} />}
      {resolving && <ResolveObjectionModal roundId={round.id} objection={resolving} onClose={() => setResolving(null)} />}
    </Card>
  );
}

/** A party files an objection (Rounds_FileObjection) against one item, with its reason. */
export function FileObjectionModal({ roundId, subjects, onClose }: { roundId: string; subjects: ObjectionSubject[]; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Schemas['FileObjectionRequest']>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useFileObjection(roundId, { success: t('objection.filed'), onSuccess: onClose });
  return (
    <Modal open title={t('objection.file')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('objection.submit')}>
      <ProblemAlert error={save.error} extra={extra} />
      <Typography.Paragraph type="secondary">{t('objection.fileHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ itemId: subjects.length === 1 ? subjects[0].itemId : undefined }}
        onFinish={(v) => save.mutate({ itemId: v.itemId, reason: v.reason?.trim() ?? '' }, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="itemId" label={t('round.subject')} rules={[{ required: true, message: t('objection.subjectRequired') }]}>
          <Select data-testid="objection-subject" options={subjects.map((s) => ({ value: s.itemId, label: s.title ? `${s.subjectCode} · ${s.title}` : s.subjectCode }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="objection-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The task force resolves an open objection on record (Rounds_ResolveObjection): upheld or dismissed, with its reasoning. */
export function ResolveObjectionModal({ roundId, objection, onClose }: { roundId: string; objection: Objection; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Schemas['ResolveObjectionRequest']>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useResolveObjection(roundId, objection.id, { onSuccess: onClose });
  return (
    <Modal open title={`${t('objection.resolve')} · ${objection.subjectCode}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Typography.Paragraph><Typography.Text type="secondary">{t('common.reason')}：</Typography.Text>{objection.reason}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'Dismissed' }}
        onFinish={(v) => save.mutate({ outcome: v.outcome, resolution: v.resolution?.trim() ?? '' }, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="outcome" label={t('objection.outcome')}>
          <Radio.Group data-testid="objection-outcome"
            options={[{ value: 'Upheld', label: t('status.objection.Upheld') }, { value: 'Dismissed', label: t('status.objection.Dismissed') }]} />
        </Form.Item>
        <Form.Item name="resolution" label={t('objection.resolution')} rules={[{ required: true, whitespace: true, message: t('objection.resolutionRequired') }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="objection-resolution" />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t('objection.upheldHint')}</Typography.Paragraph>
    </Modal>
  );
}
