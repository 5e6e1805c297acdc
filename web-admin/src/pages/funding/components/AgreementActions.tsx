import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Space, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { type Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { useRole } from '../../../auth/useSession';
import { QueryState, ProblemAlert } from '../../../components/Problem';
import { applyFieldErrors } from '../../../lib/errors';
import { useChallenge } from '../../challenges/queries';
import { useRecordProcurement, useTerminateAgreement, useCloseAgreement, useRecordAcceptance } from '../queries';

type Agreement = Schemas['AgreementDetail'];
type Dialog = 'procurement' | 'acceptance' | 'terminate' | 'close' | null;

/** The later steps of an agreement: acceptance and termination while active, then procurement (issuer or task force) and closing (task force). */
export function AgreementActions({ agreement: a }: { agreement: Agreement }) {
  const t = useT();
  const role = useRole();
  const [dialog, setDialog] = useState<Dialog>(null);
  const buttons = [];
  // Procurement is recorded after acceptance passed (the API answers 409 funding.not_accepted before).
  if ((role === 'TaskForce' || role === 'Issuer') && a.status === 'Completed') {
    buttons.push(<Button key="p" onClick={() => setDialog('procurement')} data-testid="record-procurement">{t('procurement.record')}</Button>);
  }
  if (role === 'TaskForce') {
    if (a.status === 'Active') {
      buttons.push(<Button key="a" onClick={() => setDialog('acceptance')} data-testid="record-acceptance">{t('acceptance.record')}</Button>);
      buttons.push(<Button key="t" danger onClick={() => setDialog('terminate')} data-testid="terminate-agreement">{t('agreement.terminate')}</Button>);
    }
    if (a.status === 'Completed') buttons.push(<Button key="c" onClick={() => setDialog('close')} data-testid="close-agreement">{t('agreement.close')}</Button>);
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
  const save = useRecordProcurement(a, { onSuccess: onClose });
  return (
    <Modal open title={t('procurement.record')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e, { amountFen: 'amountWan' })) })}>
        <Form.Item name="product" label={t('procurement.product')} rules={[{ required: true, whitespace: true }]}><Input data-testid="procurement-product" /></Form.Item>
        <Form.Item name="contractDate" label={t('procurement.contractDate')} rules={[{ required: true }]}><DatePicker data-testid="procurement-date" /></Form.Item>
        <Form.Item name="amountWan" label={t('procurement.amount')} rules={[{ required: true }]}><InputNumber min={0} addonAfter={t('money.wan')} data-testid="procurement-amount" /></Form.Item>
      </Form>
    </Modal>
  );
}

interface AcceptanceValues {
  passed: boolean;
  notes: string;
  results: { indicatorId: string; achieved?: string; passed: boolean }[];
}

/** The acceptance committee's decision (验收): a result per indicator of the challenge against its agreed target, notes and the verdict. */
export function AcceptanceModal({ a, onClose }: { a: Agreement; onClose: () => void }) {
  const t = useT();
  const challenge = useChallenge(a.challengeId);
  const [form] = Form.useForm<AcceptanceValues>();
  const [extra, setExtra] = useState<string[]>([]);
  // The target agreed at the last milestone that names the indicator, otherwise the challenge's own (as the API compares).
  const agreed = new Map<string, string>();
  for (const m of a.milestones) for (const target of m.indicatorTargets) agreed.set(target.indicatorId, target.target);
  const save = useRecordAcceptance(a, { onSuccess: onClose });
  return (
    <Modal open width={760} title={t('acceptance.record')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}
      okButtonProps={{ disabled: !challenge.data }}>
      <ProblemAlert error={save.error} extra={extra} />
      <QueryState query={challenge}>
        {(c) => (
          <Form form={form} layout="vertical" data-testid="acceptance-form"
            initialValues={{ passed: false, notes: '', results: c.indicators.map((i) => ({ indicatorId: i.id, achieved: '', passed: false })) }}
            onFinish={(v) => save.mutate({
              passed: v.passed, notes: (v.notes ?? '').trim(),
              results: v.results.map((r) => ({ indicatorId: r.indicatorId, achieved: (r.achieved ?? '').trim(), passed: !!r.passed })),
            }, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
            <Form.List name="results">
              {(fields) => fields.map((f) => {
                const indicator = c.indicators[f.name];
                return (
                  <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'indicatorId']} hidden><Input /></Form.Item>
                    <Form.Item label={t('indicator.name')} style={{ width: 200 }}>
                      <Typography.Text strong>{indicator?.name}</Typography.Text>
                      <div><Typography.Text type="secondary">{t('indicator.target')} {agreed.get(indicator?.id) ?? indicator?.target}{indicator?.unit ?? ''}</Typography.Text></div>
                    </Form.Item>
                    <Form.Item name={[f.name, 'achieved']} label={t('acceptance.achieved')} rules={[{ required: true, whitespace: true, message: t('acceptance.achievedRequired') }]}>
                      <Input style={{ width: 180 }} data-testid={`acceptance-achieved-${f.name}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'passed']} label={t('acceptance.met')} valuePropName="checked">
                      <Switch data-testid={`acceptance-met-${f.name}`} />
                    </Form.Item>
                  </Space>
                );
              })}
            </Form.List>
            <Form.Item name="notes" label={t('acceptance.notes')} rules={[{ required: true, whitespace: true, message: t('acceptance.notesRequired') }]}>
              <Input.TextArea rows={3} data-testid="acceptance-notes" />
            </Form.Item>
            <Form.Item name="passed" label={t('acceptance.verdict')}>
              <Radio.Group data-testid="acceptance-verdict" options={[{ value: true, label: t('acceptance.passed') }, { value: false, label: t('acceptance.failed') }]} />
            </Form.Item>
          </Form>
        )}
      </QueryState>
    </Modal>
  );
}

function TerminateModal({ a, onClose }: { a: Agreement; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string; clawBackWan?: number }>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useTerminateAgreement(a, { onSuccess: onClose });
  return (
    <Modal open title={t('agreement.terminate')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ danger: true }}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e, { clawBackFen: 'clawBackWan' })) })}>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, message: t('common.reasonRequired') }]}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="clawBackWan" label={t('agreement.clawBack')} extra={t('agreement.clawBackHint')}><InputNumber min={0} addonAfter={t('money.wan')} /></Form.Item>
      </Form>
    </Modal>
  );
}

function CloseModal({ a, onClose }: { a: Agreement; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ waiverReason?: string }>();
  const [extra, setExtra] = useState<string[]>([]);
  const save = useCloseAgreement(a, { onSuccess: onClose });
  return (
    <Modal open title={t('agreement.close')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <ProblemAlert error={save.error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v, { onError: (e) => setExtra(applyFieldErrors(form, e)) })}>
        <Form.Item name="waiverReason" label={t('agreement.waiver')} extra={a.procurements.length ? t('agreement.procurementRecorded', { n: a.procurements.length }) : t('agreement.waiverHint')}
          rules={a.procurements.length ? [] : [{ required: true, whitespace: true, message: t('agreement.waiverRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="close-waiver" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
