import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Space, Switch, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api, unwrap, type Schemas } from '../../api/client';
import { useT } from '../../i18n';
import { useRole } from '../../auth/useSession';
import { ProblemAlert, applyFieldErrors } from '../../components/Problem';
import { useAction } from '../../lib/hooks';
import { wanToFen } from '../../lib/format';

type Agreement = Schemas['AgreementDetail'];
type Dialog = 'procurement' | 'acceptance' | 'terminate' | 'close' | null;

/** The later steps of an agreement: procurement (issuer or task force), acceptance, termination and closing (task force). */
export function AgreementActions({ agreement: a }: { agreement: Agreement }) {
  const t = useT();
  const role = useRole();
  const [dialog, setDialog] = useState<Dialog>(null);
  const buttons = [];
  if ((role === 'TaskForce' || role === 'Issuer') && a.status !== 'Terminated' && a.status !== 'Closed') {
    buttons.push(<Button key="p" onClick={() => setDialog('procurement')}>{t('procurement.record')}</Button>);
  }
  if (role === 'TaskForce') {
    if (a.status === 'Active') {
      buttons.push(<Button key="a" onClick={() => setDialog('acceptance')}>{t('acceptance.record')}</Button>);
      buttons.push(<Button key="t" danger onClick={() => setDialog('terminate')}>{t('agreement.terminate')}</Button>);
    }
    if (a.status === 'Completed') buttons.push(<Button key="c" onClick={() => setDialog('close')}>{t('agreement.close')}</Button>);
  }
  const close = () => setDialog(null);
  return (
    <Space wrap>
      {buttons}
      {dialog === 'procurement' && <ProcurementModal a={a} onClose={close} />}
      {dialog === 'acceptance' && <AcceptanceModal a={a} onClose={close} />}
      {dialog === 'terminate' && <TerminateModal a={a} onClose={close} />}
      {dialog === 'close' && <CloseModal a={a} onClose={close} />}
    </Space>
  );
}

function ProcurementModal({ a, onClose }: { a: Agreement; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ contractDate: Dayjs; amountWan: number; product: string }>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useAction(
    (v: { contractDate: Dayjs; amountWan: number; product: string }) => unwrap(api.POST('/api/v1/agreements/{id}/procurements', {
      params: { path: { id: a.id } },
      body: { contractDate: v.contractDate.format('YYYY-MM-DD'), amountFen: wanToFen(v.amountWan) ?? 0, product: v.product },
    })),
    { invalidate: [['agreement', a.id]], onSuccess: onClose },
  );
  return (
    <Modal open title={t('procurement.record')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="product" label={t('procurement.product')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="contractDate" label={t('procurement.contractDate')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="amountWan" label={t('procurement.amount')} rules={[{ required: true }]}><InputNumber min={0} addonAfter={t('money.wan')} /></Form.Item>
      </Form>
    </Modal>
  );
}

function AcceptanceModal({ a, onClose }: { a: Agreement; onClose: () => void }) {
  const t = useT();
  const challenge = useQuery({ queryKey: ['challenge', a.challengeId], queryFn: () => unwrap(api.GET('/api/v1/challenges/{id}', { params: { path: { id: a.challengeId } } })) });
  const [results, setResults] = useState<Record<string, { achieved: string; passed: boolean }>>({});
  const [notes, setNotes] = useState('');
  const indicators = challenge.data?.indicators ?? [];
  const save = useAction(
    () => unwrap(api.POST('/api/v1/agreements/{id}/acceptance', {
      params: { path: { id: a.id } },
      body: {
        passed: indicators.every((i) => results[i.id]?.passed),
        notes,
        results: indicators.map((i) => ({ indicatorId: i.id, achieved: results[i.id]?.achieved ?? '', passed: !!results[i.id]?.passed })),
      },
    })),
    { invalidate: [['agreement', a.id]], onSuccess: onClose },
  );
  const set = (id: string, patch: Partial<{ achieved: string; passed: boolean }>) =>
    setResults((r) => ({ ...r, [id]: { ...(r[id] ?? { achieved: '', passed: false }), ...patch } }));
  return (
    <Modal open width={720} title={t('acceptance.record')} onCancel={onClose} onOk={() => save.mutate(undefined)} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} />
      <Table<Schemas['Indicator']> rowKey="id" size="small" pagination={false} loading={challenge.isPending} dataSource={indicators}
        columns={[
          { title: t('indicator.name'), dataIndex: 'name' },
          { title: t('indicator.target'), render: (_, i) => `${i.target}${i.unit ?? ''}` },
          { title: t('acceptance.achieved'), render: (_, i) => <Input value={results[i.id]?.achieved} onChange={(e) => set(i.id, { achieved: e.target.value })} /> },
          { title: t('round.passed'), render: (_, i) => <Switch checked={!!results[i.id]?.passed} onChange={(passed) => set(i.id, { passed })} /> },
        ]} />
      <Input.TextArea style={{ marginTop: 12 }} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} placeholder={t('acceptance.notes')} />
    </Modal>
  );
}

function TerminateModal({ a, onClose }: { a: Agreement; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string; clawBackWan?: number }>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useAction(
    (v: { reason: string; clawBackWan?: number }) => unwrap(api.POST('/api/v1/agreements/{id}/terminate', {
      params: { path: { id: a.id } },
      body: { reason: v.reason, clawBackFen: v.clawBackWan == null ? null : wanToFen(v.clawBackWan) },
    })),
    { invalidate: [['agreement', a.id], ['policy']], onSuccess: onClose },
  );
  return (
    <Modal open title={t('agreement.terminate')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ danger: true }}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, message: t('common.reasonRequired') }]}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="clawBackWan" label={t('agreement.clawBack')} extra={t('agreement.clawBackHint')}><InputNumber min={0} addonAfter={t('money.wan')} /></Form.Item>
      </Form>
    </Modal>
  );
}

function CloseModal({ a, onClose }: { a: Agreement; onClose: () => void }) {
  const t = useT();
  const [waiver, setWaiver] = useState('');
  const save = useAction(
    () => unwrap(api.POST('/api/v1/agreements/{id}/close', { params: { path: { id: a.id } }, body: { waiverReason: waiver || null } })),
    { invalidate: [['agreement', a.id]], onSuccess: onClose },
  );
  return (
    <Modal open title={t('agreement.close')} onCancel={onClose} onOk={() => save.mutate(undefined)} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} />
      <Input.TextArea rows={3} value={waiver} onChange={(e) => setWaiver(e.target.value)} placeholder={t('agreement.waiverHint')} />
    </Modal>
  );
}
