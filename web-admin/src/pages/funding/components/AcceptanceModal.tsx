import { useState } from 'react';
import { Form, Input, Modal, Radio, Space, Switch, Typography } from 'antd';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { QueryState, ProblemAlert } from '../../../components/Problem';
import { applyFieldErrors } from '../../../lib/errors';
import { useChallenge } from '../../challenges/queries';
import { useRecordAcceptance } from '../queries';

type Agreement = Schemas['AgreementDetail'];

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
